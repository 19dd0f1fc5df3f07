using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Web.Features.Workforce.Compliance;

/// <summary>
/// Staffing of a region, live. Figures count active social workers resident at a station in
/// the region; shares are of that number (0 when there is none), rounded to four places.
/// </summary>
public sealed record WorkforceSummary(
    string RegionCode,
    string RegionName,
    int ActiveSocialWorkers,
    int ResidentSocialWorkers,
    int Certified,
    double CertifiedShare,
    IReadOnlyDictionary<CertificationLevel, int> ByCertification,
    int NewGraduates,
    double NewGraduateShare,
    int Local,
    double LocalShare,
    int StationsChecked,
    int StationsShort,
    IReadOnlyList<ShortStation> ShortStations);

/// <summary>
/// An operating township station with fewer than two certified resident social workers.
/// <see cref="IsPilot"/>: the station carries a pilot project (kept nullable so the API's shape stays as it was).
/// </summary>
public sealed record ShortStation(int StationId, string Name, string RegionCode, string RegionPath, int Residents, int CertifiedResidents, bool? IsPilot);
