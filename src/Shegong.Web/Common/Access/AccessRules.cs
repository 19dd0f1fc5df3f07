using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Workforce.Agencies;
using Shegong.Web.Features.Workforce.Contracts;
using Shegong.Web.Features.Workforce.Development;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Web.Common.Access;

/// <summary>
/// Who may write what, by role; the scope (which rows) is <see cref="RegionScope"/>'s job. The
/// write guard in the audit interceptor asks <see cref="CanWrite"/> for every changed entity, so
/// the UI and the API obey the same table. Later features add their entity types here.
/// </summary>
public static class AccessRules
{
    public static readonly AccountRole[] Officials = [AccountRole.ProvinceAdmin, AccountRole.CityOfficer, AccountRole.CountyOfficer];

    /// <summary>Roles that may read the audit trail (of their scope).</summary>
    public static readonly AccountRole[] AuditReaders = [.. Officials, AccountRole.Viewer];

    /// <summary>Roles that may manage accounts (below their own, inside their scope).</summary>
    public static readonly AccountRole[] AccountManagers = [.. Officials, AccountRole.StationManager];

    /// <summary>
    /// Roles that may reveal a person's full ID number or phone (each reveal is audited): the
    /// officials, and the station and agency managers who employ and deploy the workers.
    /// Social workers and viewers see masked values only.
    /// </summary>
    public static readonly AccountRole[] Revealers = [.. Officials, AccountRole.StationManager, AccountRole.AgencyManager];

    /// <summary>Authorization policy names for write endpoints: the role is refused (403) before the input is even read.</summary>
    public const string WriteRegions = "WriteRegions";
    public const string WriteStations = "WriteStations";

    public static bool CanWrite(AccountRole role, Type entityType)
    {
        if (role == AccountRole.Viewer)
        {
            return false;
        }
        if (entityType == typeof(Region))
        {
            return Officials.Contains(role);
        }
        if (entityType == typeof(Station) || entityType == typeof(StationStatusChange))
        {
            return Officials.Contains(role) || role == AccountRole.StationManager;
        }
        if (entityType == typeof(Account))
        {
            return AccountManagers.Contains(role);
        }
        // Workforce: agencies (registered with civil affairs) and contracts (the buyer's side) by
        // officials only; social workers by officials and their employers/stations; training and
        // supervision sessions by officials and station managers (county stations organise them).
        if (entityType == typeof(Agency) || entityType == typeof(AgencyServiceArea))
        {
            return Officials.Contains(role);
        }
        if (entityType == typeof(ServiceContract) || entityType == typeof(ContractStation) || entityType == typeof(ContractCategoryTarget)
            || entityType == typeof(ContractMethodTarget) || entityType == typeof(ContractEvaluation))
        {
            return Officials.Contains(role);
        }
        if (entityType == typeof(SocialWorker) || entityType == typeof(StationAssignment))
        {
            return Officials.Contains(role) || role is AccountRole.StationManager or AccountRole.AgencyManager;
        }
        if (typeof(StaffSession).IsAssignableFrom(entityType) || entityType == typeof(SessionAttendance))
        {
            return Officials.Contains(role) || role == AccountRole.StationManager;
        }
        // Entities of later features: any role but the viewer until their feature narrows it.
        return true;
    }

    /// <summary>The roles an account of <paramref name="role"/> may create, disable and reset.</summary>
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
}
