namespace Shegong.Web.Common;

/// <summary>
/// A request that cannot be carried out, with the status code and a message a person can act
/// on, in the current UI culture (see <see cref="Localization.Problems"/>). Services throw it; the API turns it into RFC 9457 problem
/// details and the UI shows <see cref="Exception.Message"/> or the field errors.
/// </summary>
public sealed class RequestProblem : Exception
{
    private RequestProblem(int status, string message, IReadOnlyDictionary<string, string[]>? errors)
        : base(message)
    {
        Status = status;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public int Status { get; }

    /// <summary>Field name (camelCase, as in the API) to the reasons it was refused.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>Where the user can see the record the request clashed with (a page path), when they may.</summary>
    public string? Link { get; private set; }

    public RequestProblem WithLink(string path)
    {
        Link = path;
        return this;
    }

    public static RequestProblem Invalid(string field, string message) =>
        new(StatusCodes.Status400BadRequest, message, new Dictionary<string, string[]> { [field] = [message] });

    public static RequestProblem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, string.Join("；", errors.SelectMany(e => e.Value)), errors);

    public static RequestProblem NotFound(string message) => new(StatusCodes.Status404NotFound, message, null);

    public static RequestProblem Conflict(string message) => new(StatusCodes.Status409Conflict, message, null);

    /// <summary>A conflict the client can resolve through one field (e.g. confirming a possible duplicate).</summary>
    public static RequestProblem Conflict(string field, string message) =>
        new(StatusCodes.Status409Conflict, message, new Dictionary<string, string[]> { [field] = [message] });

    public static RequestProblem Forbidden(string message) => new(StatusCodes.Status403Forbidden, message, null);
}
