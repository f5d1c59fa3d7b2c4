module.exports = require('./drop-test-schemas').setup;
