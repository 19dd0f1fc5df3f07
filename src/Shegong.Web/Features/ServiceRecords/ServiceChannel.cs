namespace Shegong.Web.Features.ServiceRecords;

/// <summary>How a service reached the resident: 请入站 (walk-in) and 走进门 (home visit), or by phone or online.</summary>
public enum ServiceChannel
{
    WalkIn,
    HomeVisit,
    Phone,
    Online,
}

/// <summary>
/// Where a service record came from. Records of casework contacts, group sessions, community
/// activities, needs assessments and service requests are made and kept by their source (edited
/// there, never twice); <c>Direct</c> records are entered on their own (visits, one-off help).
/// </summary>
public enum ServiceSource
{
    Direct,
    CaseContact,
    GroupSession,
    Activity,
    Assessment,
    Request,
    DonationLink,
}
