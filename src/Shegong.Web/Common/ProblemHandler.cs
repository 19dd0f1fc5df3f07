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
                Title = ProblemText.TitleRequestInvalidFields,
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
                Title = ProblemText.TitleRequestMalformed,
                Detail = BodyMessage,
            },
            BadHttpRequestException b => new ProblemDetails
            {
                Status = b.StatusCode,
                Title = ProblemText.TitleRequestMalformed,
                Detail = b.Message,
            },
            DbUpdateException db when DatabaseErrors.IsMissingReference(db) => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = ProblemText.TitleCannotCarryOut,
                Detail = ProblemText.MissingReference,
            },
            DbUpdateException db when DatabaseErrors.IsDuplicate(db) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = TitleFor(StatusCodes.Status409Conflict),
                Detail = ProblemText.DuplicateRecord,
            },
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = ProblemText.TitleInternalError,
            },
        };
        if (exception is RequestProblem { Link: { } link })
        {
            details.Extensions["existing"] = link;
        }
        if (details.Status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        }
        context.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

    private static string BodyMessage => ProblemText.BodyWrongTypeOrMissing;

    /// <summary>The camelCase field a JSON error points at (<c>$.targets[2]</c> → <c>targets</c>), or "" for the whole body.</summary>
    private static string FieldOf(JsonException json)
    {
        var path = json.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "";
        var end = path.IndexOfAny(['[', '.']);
        return end < 0 ? path : path[..end];
    }

    private static string TitleFor(int status) => status switch
    {
        StatusCodes.Status404NotFound => ProblemText.TitleNotFound,
        StatusCodes.Status403Forbidden => ProblemText.TitleForbidden,
        StatusCodes.Status409Conflict => ProblemText.TitleConflict,
        _ => ProblemText.TitleCannotCarryOut,
    };
}
