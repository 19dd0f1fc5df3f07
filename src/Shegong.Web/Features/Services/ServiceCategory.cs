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

public static class ServiceNames
{
    public static string Zh(ServiceCategory category) => category switch
    {
        ServiceCategory.NeedsAssessment => "需求评估",
        ServiceCategory.ResourceLinking => "资源链接",
        ServiceCategory.SocialAssistance => "社会救助",
        ServiceCategory.ElderlyAndChildCare => "老幼关爱",
        ServiceCategory.CommunityGovernance => "社区治理",
        _ => "产业发展",
    };

    public static string Zh(ServiceMethod method) => method switch
    {
        ServiceMethod.Casework => "个案工作",
        ServiceMethod.GroupWork => "小组工作",
        ServiceMethod.CommunityWork => "社区工作",
        _ => "其他服务",
    };
}
