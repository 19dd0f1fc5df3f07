namespace Shegong.Web.Features.Services;

/// <summary>The six services (六项服务) every service record and contract target falls into.</summary>
public enum ServiceCategory
{
    NeedsAssessment,
    ResourceLinking,
    SocialAssistance,
    ElderlyAndChildCare,
    CommunityGovernance,
    IndustryDevelopment,
}

/// <summary>
/// The professional methods (专业方法): cases, groups, community activities; <c>Other</c> for
/// visits and one-off help given outside the three (service records only, never a contract target).
/// </summary>
public enum ServiceMethod
{
    Casework,
    GroupWork,
    CommunityWork,
    Other,
}
