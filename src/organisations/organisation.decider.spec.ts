import { caseOfficer, chair, committeeSecretary, given, registrar } from '../../test/support/given';
import { Actor } from '../platform/actor';
import { organisationDecider, OrganisationCommand } from './organisation.decider';
import { OrganisationEvent } from './organisations.events';
import { OrganisationRules } from './organisations.rules';

const now = new Date('2022-03-01T08:00:00Z');
const secretary = { actor: committeeSecretary, now };

const registerRegion: OrganisationCommand = {
  type: 'RegisterOrganisation',
  organisationId: 'region-exempel',
  name: 'Region Exempel',
  kind: 'region',
  regionId: null,
  region: null,
};
const regionRegistered: OrganisationEvent = {
  type: 'OrganisationRegistered',
  data: {
    organisationId: 'region-exempel',
    name: 'Region Exempel',
    kind: 'region',
    regionId: null,
    registeredAt: now.toISOString(),
    registeredBy: registrar.userId,
  },
};
const establishBoard: OrganisationCommand = { type: 'EstablishBody', bodyId: 'regionstyrelsen', name: 'Regionstyrelsen', kind: 'regional_board' };
const boardEstablished: OrganisationEvent = {
  type: 'BodyEstablished',
  data: {
    organisationId: 'region-exempel',
    bodyId: 'regionstyrelsen',
    name: 'Regionstyrelsen',
    kind: 'regional_board',
    establishedAt: now.toISOString(),
    establishedBy: committeeSecretary.userId,
  },
};
const appointed = (userId: string, name: string, seat: 'ordinary' | 'deputy' = 'ordinary'): OrganisationEvent => ({
  type: 'MemberAppointed',
  data: { bodyId: 'regionstyrelsen', userId, name, seat },
});
const appoint = (userId: string, name: string, seat: 'ordinary' | 'deputy' = 'ordinary'): OrganisationCommand => ({
  type: 'AppointMember',
  bodyId: 'regionstyrelsen',
  userId,
  name,
  seat,
});
const chairDesignated: OrganisationEvent = { type: 'ChairDesignated', data: { bodyId: 'regionstyrelsen', userId: chair.userId } };
const board = [regionRegistered, boardEstablished, appointed(chair.userId, 'Eva Ordförande'), appointed('lars.ersattare', 'Lars Ersättare', 'deputy')];

const municipality = (regionId: string | null, region: { organisationId: string; kind: 'region' | 'municipality' } | null): OrganisationCommand => ({
  type: 'RegisterOrganisation',
  organisationId: 'exempelby-kommun',
  name: 'Exempelby kommun',
  kind: 'municipality',
  regionId,
  region,
});
const municipalRegistrar: Actor = { ...registrar, organisationId: 'exempelby-kommun' };

describe('organisation decider: registration', () => {
  it('registers a region, recording who and when', () => {
    given(organisationDecider).when(registerRegion, { now }).then([regionRegistered]);
  });

  it('a committee secretary may register the organisation too', () => {
    const [event] = organisationDecider.decide(registerRegion, organisationDecider.initialState, secretary);
    expect(event).toMatchObject({ type: 'OrganisationRegistered', data: { registeredBy: committeeSecretary.userId } });
  });

  it('a retried registration with the same data changes nothing', () => {
    given(organisationDecider, regionRegistered).when(registerRegion, { now }).then([]);
  });

  it(`ORGANISATION-ALREADY-REGISTERED: registering it again under another name is refused`, () => {
    given(organisationDecider, regionRegistered)
      .when({ ...registerRegion, name: 'Region Annan' }, { now })
      .thenRefuses(OrganisationRules.ORGANISATION_ALREADY_REGISTERED);
  });

  it(`ORGANISATION-ROLE: a case officer cannot register an organisation`, () => {
    given(organisationDecider).when(registerRegion, { actor: caseOfficer }).thenRefuses(OrganisationRules.ORGANISATION_ROLE);
  });

  it(`ORGANISATION-OWN: a registrar of another organisation cannot register this one`, () => {
    given(organisationDecider).when(registerRegion, { actor: municipalRegistrar }).thenRefuses(OrganisationRules.ORGANISATION_OWN);
  });

  it('a municipality names the registered region it lies in', () => {
    const [event] = organisationDecider.decide(
      municipality('region-exempel', { organisationId: 'region-exempel', kind: 'region' }),
      organisationDecider.initialState,
      { actor: municipalRegistrar, now },
    );
    expect(event).toMatchObject({ type: 'OrganisationRegistered', data: { kind: 'municipality', regionId: 'region-exempel' } });
  });

  it(`ORGANISATION-REGION: the named region must be a registered region`, () => {
    given(organisationDecider)
      .when(municipality('region-okand', null), { actor: municipalRegistrar })
      .thenRefuses(OrganisationRules.ORGANISATION_REGION);
    given(organisationDecider)
      .when(municipality('grannby-kommun', { organisationId: 'grannby-kommun', kind: 'municipality' }), { actor: municipalRegistrar })
      .thenRefuses(OrganisationRules.ORGANISATION_REGION);
  });

  it(`ORGANISATION-REGION: a region belongs to no other region`, () => {
    given(organisationDecider)
      .when({ ...registerRegion, regionId: 'region-annan', region: { organisationId: 'region-annan', kind: 'region' } })
      .thenRefuses(OrganisationRules.ORGANISATION_REGION);
  });
});

describe('organisation decider: bodies', () => {
  it('establishes the regional board', () => {
    given(organisationDecider, regionRegistered).when(establishBoard, secretary).then([boardEstablished]);
  });

  it('establishing the same body again changes nothing', () => {
    given(organisationDecider, regionRegistered, boardEstablished).when(establishBoard, secretary).then([]);
  });

  it(`BODY-ALREADY-ESTABLISHED: a body id is unique in its organisation`, () => {
    given(organisationDecider, regionRegistered, boardEstablished)
      .when({ ...establishBoard, name: 'Hälso- och sjukvårdsnämnden', kind: 'committee' }, secretary)
      .thenRefuses(OrganisationRules.BODY_ALREADY_ESTABLISHED);
  });

  it(`ORGANISATION-NOT-REGISTERED: no body before the organisation is registered`, () => {
    given(organisationDecider).when(establishBoard, secretary).thenRefuses(OrganisationRules.ORGANISATION_NOT_REGISTERED);
  });

  it(`BODY-SECRETARY-ROLE: a registrar cannot establish a body`, () => {
    given(organisationDecider, regionRegistered).when(establishBoard).thenRefuses(OrganisationRules.BODY_SECRETARY_ROLE);
  });

  it(`BODY-KIND: a municipal council cannot be established in a region`, () => {
    given(organisationDecider, regionRegistered)
      .when({ type: 'EstablishBody', bodyId: 'fullmaktige', name: 'Kommunfullmäktige', kind: 'municipal_council' }, secretary)
      .thenRefuses(OrganisationRules.BODY_KIND);
  });
});

describe('organisation decider: members and chair', () => {
  it('appoints ordinary members and deputies; the same appointment again changes nothing', () => {
    given(organisationDecider, regionRegistered, boardEstablished)
      .when(appoint(chair.userId, 'Eva Ordförande'), secretary)
      .then([appointed(chair.userId, 'Eva Ordförande')]);
    given(organisationDecider, ...board).when(appoint('lars.ersattare', 'Lars Ersättare', 'deputy'), secretary).then([]);
  });

  it('re-appointing with another seat records the new seat', () => {
    const { state } = given(organisationDecider, ...board, appointed('lars.ersattare', 'Lars Ersättare', 'ordinary'));
    const body = state.registered ? state.bodies[0] : undefined;
    expect(body?.members).toEqual([
      { userId: chair.userId, name: 'Eva Ordförande', seat: 'ordinary' },
      { userId: 'lars.ersattare', name: 'Lars Ersättare', seat: 'ordinary' },
    ]);
  });

  it('NOT-FOUND: members of a body that does not exist', () => {
    const command: OrganisationCommand = { type: 'AppointMember', bodyId: 'finns-inte', userId: 'x', name: 'X', seat: 'ordinary' };
    given(organisationDecider, regionRegistered).when(command, secretary).thenRefuses('NOT-FOUND');
  });

  it('designates an ordinary member as chair; again changes nothing', () => {
    const designate: OrganisationCommand = { type: 'DesignateChair', bodyId: 'regionstyrelsen', userId: chair.userId };
    given(organisationDecider, ...board).when(designate, secretary).then([chairDesignated]);
    given(organisationDecider, ...board, chairDesignated).when(designate, secretary).then([]);
  });

  it(`BODY-CHAIR-MEMBER: a deputy or a non-member cannot be chair`, () => {
    for (const userId of ['lars.ersattare', 'okand.person']) {
      given(organisationDecider, ...board)
        .when({ type: 'DesignateChair', bodyId: 'regionstyrelsen', userId }, secretary)
        .thenRefuses(OrganisationRules.BODY_CHAIR_MEMBER);
    }
  });

  it(`BODY-CHAIR-MEMBER: the chair can be neither removed nor made a deputy`, () => {
    given(organisationDecider, ...board, chairDesignated)
      .when({ type: 'RemoveMember', bodyId: 'regionstyrelsen', userId: chair.userId }, secretary)
      .thenRefuses(OrganisationRules.BODY_CHAIR_MEMBER);
    given(organisationDecider, ...board, chairDesignated)
      .when(appoint(chair.userId, 'Eva Ordförande', 'deputy'), secretary)
      .thenRefuses(OrganisationRules.BODY_CHAIR_MEMBER);
  });

  it('removes a member; removing someone who is not a member changes nothing', () => {
    const removeLars: OrganisationCommand = { type: 'RemoveMember', bodyId: 'regionstyrelsen', userId: 'lars.ersattare' };
    const removed: OrganisationEvent = { type: 'MemberRemoved', data: { bodyId: 'regionstyrelsen', userId: 'lars.ersattare' } };
    given(organisationDecider, ...board).when(removeLars, secretary).then([removed]);
    given(organisationDecider, ...board, removed).when(removeLars, secretary).then([]);
  });

  it(`BODY-SECRETARY-ROLE: the chair cannot change the members`, () => {
    given(organisationDecider, ...board).when(appoint('ny.ledamot', 'Ny Ledamot'), { actor: chair }).thenRefuses(OrganisationRules.BODY_SECRETARY_ROLE);
  });
});
