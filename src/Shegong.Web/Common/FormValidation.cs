using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Shegong.Web.Common;

/// <summary>
/// Runs the data annotations of a form model, the same ones the Blazor forms show, so the API
/// and the UI refuse exactly the same input.
/// </summary>
public static class FormValidation
{
    public static void ThrowIfInvalid(object form)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true))
        {
            return;
        }
        var errors = results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: m, r.ErrorMessage)))
            .GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.Member))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage ?? "无效 / invalid").ToArray());
        throw RequestProblem.Invalid(errors);
    }
}
