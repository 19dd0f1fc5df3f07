namespace Shegong.Web.Features.Requests;

public static class RequestNames
{
    public static string Zh(RequestStatus status) => status switch
    {
        RequestStatus.Raised => "待分诊",
        RequestStatus.Triaged => "待派单",
        RequestStatus.Assigned => "待上门",
        RequestStatus.Visited => "待办结",
        RequestStatus.Completed => "已办结",
        _ => "不予受理",
    };

    public static string Zh(RequestOrigin origin) => origin switch
    {
        RequestOrigin.WalkIn => "来站提出",
        RequestOrigin.OnBehalf => "代为提出",
        _ => "网上提交",
    };

    public static string ZhStep(string step) => step switch
    {
        "triage" => "分诊",
        "assign" => "派单",
        "visit" => "上门",
        "complete" => "办结",
        "decline" => "不予受理",
        _ => "评价",
    };
}
