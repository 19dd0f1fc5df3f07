using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Shegong.Web.Common;

namespace Shegong.Web.Components.Shared;

/// <summary>
/// Validates an Ant form's model with its data annotations and shows each message in the UI
/// language.
/// Ant's own attribute rules (its default "Complex" mode) ignore the message an attribute
/// returns and call <c>FormatErrorMessage</c>, which throws for attributes such as
/// <c>[CitizenId]</c> that say what is wrong per value — typing a bad ID number broke the circuit.
/// Use with <c>ValidateMode="FormValidateMode.Default"</c> and <c>Validator="AnnotationValidator.Fragment"</c>.
/// </summary>
public sealed class AnnotationValidator : ComponentBase, IDisposable
{
    public static readonly RenderFragment Fragment = builder =>
    {
        builder.OpenComponent<AnnotationValidator>(0);
        builder.CloseComponent();
    };

    private EditContext? subscribed;
    private ValidationMessageStore? store;

    [CascadingParameter]
    public EditContext? EditContext { get; set; }

    protected override void OnParametersSet()
    {
        if (EditContext is null || ReferenceEquals(EditContext, subscribed))
        {
            return;
        }
        Unsubscribe();
        subscribed = EditContext;
        store = new ValidationMessageStore(EditContext);
        EditContext.Properties[typeof(AnnotationValidator)] = store;
        EditContext.OnValidationRequested += ValidateAll;
        EditContext.OnFieldChanged += ValidateField;
    }

    private void ValidateAll(object? sender, ValidationRequestedEventArgs e)
    {
        var context = subscribed!;
        store!.Clear();
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(context.Model, new ValidationContext(context.Model), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames)
            {
                store.Add(context.Field(member), result.ErrorMessage ?? "");
            }
        }
        context.NotifyValidationStateChanged();
    }

    private void ValidateField(object? sender, FieldChangedEventArgs e)
    {
        var field = e.FieldIdentifier;
        var property = field.Model.GetType().GetProperty(field.FieldName);
        if (property is null)
        {
            return;
        }
        store!.Clear(field);
        var results = new List<ValidationResult>();
        var context = new ValidationContext(field.Model) { MemberName = field.FieldName };
        Validator.TryValidateProperty(property.GetValue(field.Model), context, results);
        store.Add(field, results.Select(r => r.ErrorMessage ?? ""));
        subscribed!.NotifyValidationStateChanged();
    }

    /// <summary>
    /// Shows a service's refusal next to the fields it names (API field names are camelCase model
    /// properties); each clears as soon as its field is edited valid. Returns what belongs to no field, for a banner.
    /// </summary>
    public static string? Show(EditContext context, RequestProblem problem)
    {
        if (problem.Errors.Count == 0 || !context.Properties.TryGetValue(typeof(AnnotationValidator), out var found)
            || found is not ValidationMessageStore fieldStore)
        {
            return problem.Message;
        }
        var unplaced = new List<string>();
        foreach (var (field, messages) in problem.Errors)
        {
            var property = context.Model.GetType().GetProperty(field, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                unplaced.AddRange(messages);
                continue;
            }
            fieldStore.Add(context.Field(property.Name), messages);
        }
        context.NotifyValidationStateChanged();
        return unplaced.Count == 0 ? null : string.Join("；", unplaced);
    }

    private void Unsubscribe()
    {
        if (subscribed is not null)
        {
            subscribed.OnValidationRequested -= ValidateAll;
            subscribed.OnFieldChanged -= ValidateField;
            store?.Clear();
        }
    }

    public void Dispose() => Unsubscribe();
}
