namespace Shegong.Web.Features.ServiceRecords;

/// <summary>Chinese names of channels and sources, for pages and exports.</summary>
public static class ServiceRecordNames
{
    public static string Zh(ServiceChannel channel) => channel switch
    {
        ServiceChannel.WalkIn => "请入站",
        ServiceChannel.HomeVisit => "走进门",
        ServiceChannel.Phone => "电话",
        _ => "线上",
    };

    /// <summary>Where a record of <paramref name="source"/> is kept (and so edited), for the Chinese export.</summary>
    public static string Zh(ServiceSource source) => source switch
    {
        ServiceSource.CaseContact => "个案工作的接触记录",
        ServiceSource.GroupSession => "小组工作的节次",
        ServiceSource.Activity => "社区活动",
        ServiceSource.Assessment => "需求评估",
        ServiceSource.Request => "服务申请",
        ServiceSource.DonationLink => "慈善资源的链接",
        _ => "直接录入",
    };
}
