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
        bool valid;
        try
        {
            valid = Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        }
        catch (Exception ex) when (ex is OverflowException or InvalidCastException or FormatException or ArgumentException)
        {
            // An attribute that cannot compare a value (an int range given 1e308) refuses it rather than failing the request.
            results = PropertyByProperty(form);
            valid = results.Count == 0;
        }
        if (valid)
        {
            return;
        }
        var errors = results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: m, r.ErrorMessage)))
            .GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.Member))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage ?? ProblemText.FieldInvalid).ToArray());
        throw RequestProblem.Invalid(errors);
    }

    private static List<ValidationResult> PropertyByProperty(object form)
    {
        var results = new List<ValidationResult>();
        foreach (var property in form.GetType().GetProperties().Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            var context = new ValidationContext(form) { MemberName = property.Name };
            try
            {
                Validator.TryValidateProperty(property.GetValue(form), context, results);
            }
            catch (Exception ex) when (ex is OverflowException or InvalidCastException or FormatException or ArgumentException)
            {
                results.Add(new ValidationResult(ProblemText.OutOfAllowedRange, [property.Name]));
            }
        }
        return results;
    }
}
