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

    public static string Zh(ServiceSource source) => WhereToEdit(source).Zh;

    /// <summary>Where a record of <paramref name="source"/> is kept (and so edited).</summary>
    public static (string Zh, string En) WhereToEdit(ServiceSource source) => source switch
    {
        ServiceSource.CaseContact => ("个案工作的接触记录", "a casework contact"),
        ServiceSource.GroupSession => ("小组工作的节次", "a group session"),
        ServiceSource.Activity => ("社区活动", "a community activity"),
        ServiceSource.Assessment => ("需求评估", "a needs assessment"),
        ServiceSource.Request => ("服务申请", "a service request"),
        ServiceSource.DonationLink => ("慈善资源的链接", "a donation's link"),
        _ => ("直接录入", "direct entry"),
    };
}
