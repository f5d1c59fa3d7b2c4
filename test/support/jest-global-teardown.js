module.exports = require('./drop-test-schemas').teardown;
