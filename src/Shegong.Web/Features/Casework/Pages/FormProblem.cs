using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;

namespace Shegong.Web.Features.Casework.Pages;

/// <summary>
/// What a form shows of a refused save: each field's reasons next to the field, anything else as one
/// message, and whether the record went stale (409), so the form offers a reload instead of a retry.
/// </summary>
public sealed class FormProblem
{
    private static readonly IReadOnlyDictionary<string, string[]> None = new Dictionary<string, string[]>();

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = None;
    public string? Message { get; private set; }
    public bool Stale { get; private set; }

    public void Clear() => (Errors, Message, Stale) = (None, null, false);

    /// <summary>Shows <paramref name="problem"/>; reasons for fields the form does not show become the message.</summary>
    public void Show(RequestProblem problem, params string[] fields)
    {
        Stale = problem.Status == StatusCodes.Status409Conflict && problem.Message == Versioning.StaleMessage;
        Errors = problem.Errors;
        var elsewhere = problem.Errors.Where(e => !fields.Contains(e.Key)).SelectMany(e => e.Value).ToList();
        Message = problem.Errors.Count == 0 ? problem.Message
            : elsewhere.Count > 0 ? string.Join(" ", elsewhere) : null;
    }
}
