using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Shegong.Web.Common;

/// <summary>
/// Turns every failure into RFC 9457 problem details: a <see cref="RequestProblem"/> keeps its
/// status and message, malformed requests get 400 with the reason, anything else a 500 that
/// says nothing of the code (the details go to the log only).
/// </summary>
public sealed class ProblemHandler(IProblemDetailsService problems, ILogger<ProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails details = exception switch
        {
            RequestProblem { Errors.Count: > 0 } p => new ValidationProblemDetails(p.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = p.Status,
                Title = "提交的数据有误 / the request has invalid fields",
                Detail = p.Message,
            },
            RequestProblem p => new ProblemDetails { Status = p.Status, Title = TitleFor(p.Status), Detail = p.Message },
            // Safety net: ShegongDb already turns these into Versioning.Stale().
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = TitleFor(StatusCodes.Status409Conflict),
                Detail = Concurrency.Versioning.StaleMessage,
            },
            BadHttpRequestException { InnerException: JsonException json } b => new ValidationProblemDetails(
                new Dictionary<string, string[]> { [FieldOf(json)] = [BodyMessage] })
            {
                Status = b.StatusCode,
                Title = "请求格式有误 / the request is malformed",
                Detail = BodyMessage,
            },
            BadHttpRequestException b => new ProblemDetails
            {
                Status = b.StatusCode,
                Title = "请求格式有误 / the request is malformed",
                Detail = b.Message,
            },
            DbUpdateException db when DatabaseErrors.IsMissingReference(db) => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "请求无法完成 / the request cannot be carried out",
                Detail = "引用的记录不存在 / a referenced record does not exist",
            },
            DbUpdateException db when DatabaseErrors.IsDuplicate(db) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = TitleFor(StatusCodes.Status409Conflict),
                Detail = "与现有记录重复 / duplicates an existing record",
            },
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "服务器内部错误，请稍后再试 / internal error, please try again later",
            },
        };
        if (details.Status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        }
        context.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

    private const string BodyMessage = "取值的类型或格式不对，或缺少必填项 / a value has the wrong type or format, or a required field is missing";

    /// <summary>The camelCase field a JSON error points at (<c>$.targets[2]</c> → <c>targets</c>), or "" for the whole body.</summary>
    private static string FieldOf(JsonException json)
    {
        var path = json.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "";
        var end = path.IndexOfAny(['[', '.']);
        return end < 0 ? path : path[..end];
    }

    private static string TitleFor(int status) => status switch
    {
        StatusCodes.Status404NotFound => "未找到 / not found",
        StatusCodes.Status403Forbidden => "无权操作 / forbidden",
        StatusCodes.Status409Conflict => "与现有数据冲突 / conflict",
        _ => "请求无法完成 / the request cannot be carried out",
    };
}
