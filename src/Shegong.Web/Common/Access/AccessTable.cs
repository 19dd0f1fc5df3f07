using Microsoft.AspNetCore.Identity;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Activities;
using Shegong.Web.Features.Assessments;
using Shegong.Web.Features.Audit;
using Shegong.Web.Features.Casework;
using Shegong.Web.Features.Emergencies;
using Shegong.Web.Features.GroupWork;
using Shegong.Web.Features.Indicators;
using Shegong.Web.Features.Linkage.Donations;
using Shegong.Web.Features.Linkage.Organisations;
using Shegong.Web.Features.Linkage.Teams;
using Shegong.Web.Features.Linkage.Volunteers;
using Shegong.Web.Features.Pilots;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Requests;
using Shegong.Web.Features.Residents;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Statistics;
using Shegong.Web.Features.Workforce.Agencies;
using Shegong.Web.Features.Workforce.Contracts;
using Shegong.Web.Features.Workforce.Development;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Web.Common.Access;

/// <summary>What a role does with a kind of record. A status change is a changed <c>Status</c> or <c>IsDisabled</c>.</summary>
public enum AccessAction
{
    Read,
    Create,
    Update,
    StatusChange,
    Delete,
    Reveal,
    Export,
}

/// <summary>
/// One kind of record in the permission table: the entity, the rows saved with it (its parts, whose
/// every change counts as an <see cref="AccessAction.Update"/> of the entity), and who may do what.
/// </summary>
public sealed record EntityRights(Type Entity, IReadOnlyList<Type> Parts, IReadOnlyDictionary<AccessAction, AccountRole[]> Rights)
{
    public bool Covers(Type type) => Entity.IsAssignableFrom(type) || Parts.Any(p => p.IsAssignableFrom(type));

    public bool Allows(AccountRole role, AccessAction action) => Rights.TryGetValue(action, out var roles) && roles.Contains(role);
}

/// <summary>
/// The one permission table: role × entity × action. The endpoint policies
/// (<see cref="PermissionEndpoints"/>), the write guard and the UI's buttons all read it; the scope
/// (which rows) is <see cref="RegionScope"/>'s job. An entity type missing here may be written by
/// nobody, so a later feature adds its row before its first save. docs/architecture.md renders it
/// (a test keeps the two equal).
/// </summary>
public static class AccessTable
{
    // Every staff role: a volunteer's account sees nothing but its own (the Volunteer rows below name it where it may).
    private static readonly AccountRole[] Everyone = [.. Enum.GetValues<AccountRole>().Where(r => r != AccountRole.Volunteer)];
    private static readonly AccountRole[] Officials = [AccountRole.ProvinceAdmin, AccountRole.CityOfficer, AccountRole.CountyOfficer];
    private static readonly AccountRole[] ProvinceOnly = [AccountRole.ProvinceAdmin];
    private static readonly AccountRole[] CountyOnly = [AccountRole.CountyOfficer];
    private static readonly AccountRole[] StationStaffWriters = [.. Officials, AccountRole.StationManager];
    // Social workers: officials, and their employers (agency managers) and stations (station managers).
    private static readonly AccountRole[] WorkerWriters = [.. StationStaffWriters, AccountRole.AgencyManager];
    private static readonly AccountRole[] AccountManagers = [.. Officials, AccountRole.StationManager];
    private static readonly AccountRole[] AuditReaders = [.. Officials, AccountRole.Viewer];
    // Residents are sensitive (health, disability, minors): the station's own staff and the officials
    // above it, never an agency's manager; station staff record them and the services they give.
    private static readonly AccountRole[] ServiceWriters = [.. StationStaffWriters, AccountRole.SocialWorker];
    private static readonly AccountRole[] ResidentReaders = [.. ServiceWriters, AccountRole.Viewer];

    public static IReadOnlyList<EntityRights> Entities { get; } =
    [
        // Regions are loaded by start-up work; officials edit flags and population.
        Entity<Region>([], (AccessAction.Read, Everyone), (AccessAction.Update, Officials)),
        // Deleting a record waits for a feature that needs it; only an official may remove a station
        // (one entered by mistake; no page offers it yet, the audit trail records it).
        Entity<Station>([typeof(StationStatusChange)], (AccessAction.Read, Everyone), (AccessAction.Create, StationStaffWriters),
            (AccessAction.Update, StationStaffWriters), (AccessAction.StatusChange, StationStaffWriters), (AccessAction.Delete, Officials),
            (AccessAction.Export, Everyone)),
        // Derived data: kept by its maintainer inside the station's save (and by system jobs), no role writes it.
        Entity<StationTally>([], (AccessAction.Read, Everyone)),
        // Agencies are registered with civil affairs, contracts are the buyer's side: officials only.
        Entity<Agency>([typeof(AgencyServiceArea)], (AccessAction.Read, Everyone), (AccessAction.Create, Officials),
            (AccessAction.Update, Officials), (AccessAction.StatusChange, Officials), (AccessAction.Export, Everyone)),
        Entity<ServiceContract>([typeof(ContractStation), typeof(ContractCategoryTarget), typeof(ContractMethodTarget), typeof(ContractEvaluation)],
            (AccessAction.Read, Everyone), (AccessAction.Create, Officials), (AccessAction.Update, Officials),
            (AccessAction.StatusChange, Officials), (AccessAction.Export, Everyone)),
        Entity<SocialWorker>([typeof(StationAssignment)], (AccessAction.Read, Everyone), (AccessAction.Create, WorkerWriters),
            (AccessAction.Update, WorkerWriters), (AccessAction.StatusChange, WorkerWriters), (AccessAction.Reveal, WorkerWriters),
            (AccessAction.Export, Everyone)),
        // Training and supervision sessions: county and township stations organise them.
        Entity<StaffSession>([typeof(SessionAttendance)], (AccessAction.Read, Everyone), (AccessAction.Create, StationStaffWriters),
            (AccessAction.Update, StationStaffWriters), (AccessAction.Export, Everyone)),
        Entity<Resident>([typeof(ResidentTag)], (AccessAction.Read, ResidentReaders), (AccessAction.Create, ServiceWriters),
            (AccessAction.Update, ServiceWriters), (AccessAction.Reveal, ServiceWriters), (AccessAction.Export, ResidentReaders)),
        Entity<Household>([], (AccessAction.Read, ResidentReaders), (AccessAction.Create, ServiceWriters),
            (AccessAction.Update, ServiceWriters), (AccessAction.Delete, ServiceWriters)),
        // Service records: written by the station's staff (most by their sources), read by everyone in scope.
        Entity<ServiceRecord>([typeof(ServiceRecordWorker), typeof(ServiceBeneficiary)], (AccessAction.Read, Everyone),
            (AccessAction.Create, ServiceWriters), (AccessAction.Update, ServiceWriters), (AccessAction.Delete, ServiceWriters),
            (AccessAction.Export, Everyone)),
        // Derived data: the statistics' leaves, kept by their maintainer inside each record's save; no role writes them.
        Entity<ServiceSummary>([], (AccessAction.Read, Everyone), (AccessAction.Export, Everyone)),
        // Derived too: the count of saves that changed a leaf, kept by its maintainer; nobody reads or writes it.
        Entity<Features.Statistics.Memory.StatisticsClock>([]),
        // Cases and needs assessments: as sensitive as residents; the station's staff write them (a referral's answer
        // by the receiving station's staff), their contacts and assessments make service records.
        Entity<Case>([typeof(CaseGoal), typeof(CaseContact), typeof(CaseEvent), typeof(CaseReferral)], (AccessAction.Read, ResidentReaders),
            (AccessAction.Create, ServiceWriters), (AccessAction.Update, ServiceWriters), (AccessAction.Export, ResidentReaders)),
        Entity<ReferralAnswer>([], (AccessAction.Read, ResidentReaders), (AccessAction.Create, ServiceWriters)),
        Entity<NeedsAssessment>([typeof(DomainScore)], (AccessAction.Read, ResidentReaders), (AccessAction.Create, ServiceWriters),
            (AccessAction.Update, ServiceWriters), (AccessAction.Delete, ServiceWriters), (AccessAction.Export, ResidentReaders)),
        // Service requests carry a resident's name, need and phone: read like residents, moved on by the station's staff.
        Entity<ServiceRequest>([], (AccessAction.Read, ResidentReaders), (AccessAction.Create, ServiceWriters), (AccessAction.Update, ServiceWriters),
            (AccessAction.StatusChange, ServiceWriters), (AccessAction.Export, ResidentReaders)),
        // Groups, their sessions and community activities name residents: read like residents, written by station staff;
        // each session and activity keeps its own service record (its Create/Update/Delete are the record's too).
        Entity<Group>([typeof(GroupMember)], (AccessAction.Read, ResidentReaders), (AccessAction.Create, ServiceWriters),
            (AccessAction.Update, ServiceWriters), (AccessAction.Delete, ServiceWriters), (AccessAction.Export, ResidentReaders)),
        Entity<GroupSession>([typeof(GroupAttendance)], (AccessAction.Read, ResidentReaders), (AccessAction.Create, ServiceWriters),
            (AccessAction.Update, ServiceWriters), (AccessAction.Delete, ServiceWriters)),
        Entity<CommunityActivity>([typeof(ActivityParticipant), typeof(ActivityFile)], (AccessAction.Read, ResidentReaders),
            (AccessAction.Create, ServiceWriters), (AccessAction.Update, ServiceWriters), (AccessAction.Delete, ServiceWriters),
            (AccessAction.Export, ResidentReaders)),
        // Pilots: the province runs batches and decides townships, counties apply, cities review (the service checks who does which step).
        Entity<PilotBatch>([], (AccessAction.Read, Everyone), (AccessAction.Create, ProvinceOnly), (AccessAction.Update, ProvinceOnly),
            (AccessAction.StatusChange, ProvinceOnly), (AccessAction.Export, Everyone)),
        Entity<PilotApplication>([typeof(PilotApplicationTownship), typeof(PilotStep)], (AccessAction.Read, Everyone),
            (AccessAction.Create, CountyOnly), (AccessAction.Update, Officials), (AccessAction.StatusChange, Officials), (AccessAction.Export, Everyone)),
        Entity<PilotProject>([typeof(PilotDisbursement)], (AccessAction.Read, Everyone), (AccessAction.Create, ProvinceOnly),
            (AccessAction.Update, Officials), (AccessAction.Delete, ProvinceOnly), (AccessAction.Export, Everyone)),
        // Community organisations and volunteer teams: the station's staff write them, everyone in scope reads them (no personal data but a leader's name).
        Entity<CommunityOrganisation>([], (AccessAction.Read, Everyone), (AccessAction.Create, ServiceWriters), (AccessAction.Update, ServiceWriters),
            (AccessAction.Export, Everyone)),
        Entity<VolunteerTeam>([], (AccessAction.Read, Everyone), (AccessAction.Create, ServiceWriters), (AccessAction.Update, ServiceWriters),
            (AccessAction.Export, Everyone)),
        // Plan indicators: officials set them for their region (the service keeps each inside the writer's scope), everyone reads them.
        Entity<PlanIndicator>([], (AccessAction.Read, Everyone), (AccessAction.Export, Everyone), (AccessAction.Create, Officials),
            (AccessAction.Update, Officials), (AccessAction.Delete, Officials)),
        // Volunteers carry an ID number and phone: read like residents; the station's staff enter them, and those who manage
        // accounts approve (approval makes the volunteer's account). A volunteer reads only their own (VolunteerSelfService).
        Entity<Volunteer>([], (AccessAction.Read, ResidentReaders), (AccessAction.Create, ServiceWriters), (AccessAction.Update, ServiceWriters),
            (AccessAction.StatusChange, AccountManagers), (AccessAction.Reveal, ServiceWriters), (AccessAction.Export, ResidentReaders)),
        // Hours: the volunteer logs their own (Create); the station's staff confirm or reject them (StatusChange).
        Entity<VolunteerHour>([], (AccessAction.Read, [.. ResidentReaders, AccountRole.Volunteer]), (AccessAction.Create, [AccountRole.Volunteer]),
            (AccessAction.Update, ServiceWriters), (AccessAction.StatusChange, ServiceWriters)),
        // Donors and donations: an individual donor is a person and a donation's links name residents, so both are read like
        // residents; the station's staff write them. A link (DonationLink, with its service record) is an update of its donation.
        Entity<Donor>([], (AccessAction.Read, ResidentReaders), (AccessAction.Create, ServiceWriters), (AccessAction.Update, ServiceWriters)),
        Entity<Donation>([typeof(DonationLink)], (AccessAction.Read, ResidentReaders), (AccessAction.Create, ServiceWriters),
            (AccessAction.Update, ServiceWriters), (AccessAction.Export, ResidentReaders)),
        // Which roles an account manager may create, disable and reset is ManageableBy's finer rule.
        Entity<Account>([typeof(IdentityUserClaim<string>), typeof(IdentityUserLogin<string>), typeof(IdentityUserToken<string>)],
            (AccessAction.Read, AccountManagers), (AccessAction.Create, AccountManagers), (AccessAction.Update, AccountManagers),
            (AccessAction.StatusChange, AccountManagers), (AccessAction.Export, AccountManagers)),
        // Written only by the audit interceptor and reveals, never through the table.
        Entity<AuditEntry>([], (AccessAction.Read, AuditReaders), (AccessAction.Export, AuditReaders)),
        // Emergencies: officials declare, edit and close them for their region; everyone the emergency reaches reads it.
        Entity<Emergency>([typeof(EmergencyArea)], (AccessAction.Read, Everyone), (AccessAction.Create, Officials), (AccessAction.Update, Officials),
            (AccessAction.StatusChange, Officials), (AccessAction.Export, Everyone)),
        // A station's daily emergency report: its staff or the officials above it report and correct it (counts only, no personal data).
        Entity<EmergencyReport>([typeof(EmergencyReportTeam), typeof(EmergencyReportOrganisation)], (AccessAction.Read, Everyone), (AccessAction.Create, ServiceWriters), (AccessAction.Update, ServiceWriters),
            (AccessAction.Export, Everyone)),
    ];

    /// <summary>The table's row for an entity type or one of its parts; null when it has none (nobody may write it).</summary>
    public static EntityRights? Find(Type type) => Entities.FirstOrDefault(e => e.Covers(type));

    public static bool Allows(AccountRole role, Type entityType, AccessAction action) => Find(entityType)?.Allows(role, action) == true;

    public static bool Allows<TEntity>(AccountRole role, AccessAction action) => Allows(role, typeof(TEntity), action);

    /// <summary>The roles that may do <paramref name="action"/> to <paramref name="entityType"/>.</summary>
    public static AccountRole[] Roles(Type entityType, AccessAction action) => [.. Everyone.Where(r => Allows(r, entityType, action))];

    /// <summary>The roles an account of <paramref name="role"/> may create, disable and reset (always below its own).</summary>
    public static IReadOnlyList<AccountRole> ManageableBy(AccountRole role) => role switch
    {
        AccountRole.ProvinceAdmin => [AccountRole.CityOfficer, AccountRole.CountyOfficer, AccountRole.StationManager,
            AccountRole.SocialWorker, AccountRole.AgencyManager, AccountRole.Viewer],
        AccountRole.CityOfficer => [AccountRole.CountyOfficer, AccountRole.StationManager, AccountRole.SocialWorker,
            AccountRole.AgencyManager, AccountRole.Viewer],
        AccountRole.CountyOfficer => [AccountRole.StationManager, AccountRole.SocialWorker, AccountRole.AgencyManager, AccountRole.Viewer],
        AccountRole.StationManager => [AccountRole.SocialWorker, AccountRole.Viewer],
        _ => [],
    };

    private static EntityRights Entity<T>(Type[] parts, params (AccessAction Action, AccountRole[] Roles)[] rights) =>
        new(typeof(T), parts, rights.ToDictionary(r => r.Action, r => r.Roles));
}
