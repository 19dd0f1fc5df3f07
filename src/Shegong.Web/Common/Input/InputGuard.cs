using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace Shegong.Web.Common.Input;

/// <summary>
/// One check, before any handler of the API runs, for values no field of any request may hold:
/// enum numbers that name nothing, dates and years outside 1900–2100, NaN and
/// infinities, control and direction-override characters, and nulls inside lists. It walks every
/// query, route and body argument that is not a service, so a new endpoint is covered by itself.
/// </summary>
public static class InputGuard
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    /// <summary>Longest text a query or route value may carry; bodies have their own per-field limits.</summary>
    public const int MaxParameterLength = 1000;

    private const int MaxDepth = 4;

    public static EndpointFilterDelegate Factory(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var services = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var checkedParameters = context.MethodInfo.GetParameters()
            .Select((p, i) => (Parameter: p, Index: i))
            .Where(x => x.Parameter.ParameterType != typeof(CancellationToken) && services?.IsService(x.Parameter.ParameterType) != true
                && !typeof(HttpContext).IsAssignableFrom(x.Parameter.ParameterType))
            .ToArray();
        if (checkedParameters.Length == 0)
        {
            return next;
        }
        return invocation =>
        {
            var errors = new Dictionary<string, string[]>();
            foreach (var (parameter, index) in checkedParameters)
            {
                if (index < invocation.Arguments.Count)
                {
                    var value = invocation.Arguments[index];
                    if (IsSimple(parameter.ParameterType))
                    {
                        CheckSimple(parameter.Name ?? "", value, multiLine: false, MaxParameterLength, errors);
                    }
                    else if (value is IEnumerable list and not IDictionary)
                    {
                        foreach (var element in list)
                        {
                            CheckElement(parameter.Name ?? "", element, errors, 0);
                        }
                    }
                    else
                    {
                        CheckObject(value, "", errors, 0);
                    }
                }
            }
            return errors.Count > 0 ? throw RequestProblem.Invalid(errors) : next(invocation);
        };
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly)
            || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeOnly) || t == typeof(Guid);
    }

    private static void CheckObject(object? value, string path, Dictionary<string, string[]> errors, int depth)
    {
        if (value is null || depth > MaxDepth)
        {
            return;
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || !property.CanRead)
            {
                continue;
            }
            var name = Join(path, JsonNamingPolicy.CamelCase.ConvertName(property.Name));
            var item = property.GetValue(value);
            if (IsSimple(property.PropertyType))
            {
                CheckSimple(name, item, property.GetCustomAttribute<MultiLineAttribute>() is not null, int.MaxValue, errors);
            }
            else if (item is IDictionary dictionary)
            {
                foreach (DictionaryEntry pair in dictionary)
                {
                    CheckSimple(name, pair.Key, multiLine: false, MaxParameterLength, errors);
                    CheckElement(name, pair.Value, errors, depth);
                }
            }
            else if (item is IEnumerable list and not string)
            {
                foreach (var element in list)
                {
                    CheckElement(name, element, errors, depth);
                }
            }
            else if (item is not null && property.PropertyType.Assembly == typeof(InputGuard).Assembly)
            {
                CheckObject(item, name, errors, depth + 1);
            }
        }
    }

    private static void CheckElement(string name, object? element, Dictionary<string, string[]> errors, int depth)
    {
        if (element is null)
        {
            Add(errors, name, ProblemText.ListNoNull);
        }
        else if (IsSimple(element.GetType()))
        {
            CheckSimple(name, element, multiLine: false, MaxParameterLength, errors);
        }
        else
        {
            CheckObject(element, name, errors, depth + 1);
        }
    }

    private static void CheckSimple(string name, object? value, bool multiLine, int maxLength, Dictionary<string, string[]> errors)
    {
        var problem = value switch
        {
            null => null,
            Enum e when !Enum.IsDefined(e.GetType(), e) => Problems.Format(ProblemText.ValueNotValid, e.ToString("D")),
            string s when s.Length > maxLength => Problems.Format(ProblemText.TextTooLong, maxLength),
            string s => AllowedText.Problem(s, multiLine),
            int y when IsYear(name) && (y < Earliest.Year || y > Latest.Year) =>
                Problems.Format(ProblemText.YearBetween, Earliest.Year, Latest.Year),
            double d when !double.IsFinite(d) => ProblemText.NumberNotFinite,
            float f when !float.IsFinite(f) => ProblemText.NumberNotFinite,
            DateOnly d => DateProblem(d),
            DateTime d => DateProblem(DateOnly.FromDateTime(d)),
            DateTimeOffset d => DateProblem(DateOnly.FromDateTime(d.UtcDateTime)),
            _ => null,
        };
        if (problem is not null)
        {
            Add(errors, name, problem);
        }
    }

    private static string? DateProblem(DateOnly date) => date < Earliest || date > Latest
        ? Problems.Format(ProblemText.DateBetween, Earliest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Latest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
        : null;

    private static bool IsYear(string name) => name.EndsWith("year", StringComparison.OrdinalIgnoreCase);

    private static void Add(Dictionary<string, string[]> errors, string name, string problem)
    {
        if (!errors.ContainsKey(name))
        {
            errors[name] = [problem];
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
