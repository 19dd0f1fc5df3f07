namespace Shegong.Web.Features.Requests;

/// <summary>A step's name in Chinese for the conflict message, whose English form names the step by its code.</summary>
public static class RequestNames
{
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
