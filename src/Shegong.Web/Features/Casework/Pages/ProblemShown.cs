using Shegong.Web.Common;

namespace Shegong.Web.Features.Casework.Pages;

/// <summary>What a page shows of a refused request: the first field's reason, or the message, in the UI language.</summary>
public static class ProblemShown
{
    public static string Of(RequestProblem problem) =>
        problem.Errors.Count > 0 ? problem.Errors.Values.First()[0] : problem.Message;
}
