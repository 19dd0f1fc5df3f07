using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Shegong.Web.Common;

namespace Shegong.Web.Features.Workforce.Pages;

/// <summary>
/// Validates an Ant form's model with its data annotations and shows each message in the UI
/// language (the "中文 / English" messages are split by <see cref="BilingualMessage"/>).
/// Ant's own attribute rules (its default "Complex" mode) ignore the message an attribute
/// returns and call <c>FormatErrorMessage</c>, which throws for attributes such as
/// <c>[CitizenId]</c> that say what is wrong per value — typing a bad ID number broke the circuit.
/// Use with <c>ValidateMode="FormValidateMode.Default"</c> and <c>Validator="WorkforceFormValidator.Fragment"</c>.
/// </summary>
public sealed class WorkforceFormValidator : ComponentBase, IDisposable
{
    public static readonly RenderFragment Fragment = builder =>
    {
        builder.OpenComponent<WorkforceFormValidator>(0);
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
                store.Add(context.Field(member), BilingualMessage.InUiCulture(result.ErrorMessage ?? ""));
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
        store.Add(field, results.Select(r => BilingualMessage.InUiCulture(r.ErrorMessage ?? "")));
        subscribed!.NotifyValidationStateChanged();
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
