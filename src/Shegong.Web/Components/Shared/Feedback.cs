using AntDesign;
using Microsoft.Extensions.Localization;

namespace Shegong.Web.Components.Shared;

/// <summary>
/// The app's feedback in one place: a success message after every save, and a confirmation
/// dialog (danger-styled, Cancel focused) before every action that cannot be undone.
/// </summary>
public sealed class Feedback(IMessageService message, ModalService modal, IStringLocalizer<SharedResource> text)
{
    public void Saved() => message.Success(text["Saved"].Value);

    public void Done(string what) => message.Success(what);

    /// <summary>True when the user confirmed <paramref name="question"/>; <paramref name="consequence"/> says what cannot be undone.</summary>
    public Task<bool> ConfirmAsync(string question, string consequence) => modal.ConfirmAsync(new ConfirmOptions
    {
        Title = question,
        Content = consequence,
        OkText = text["ConfirmOk"].Value,
        CancelText = text["ConfirmCancel"].Value,
        OkButtonProps = new ButtonProps { Danger = true },
        AutoFocusButton = ConfirmAutoFocusButton.Cancel,
        ClassName = "confirm-irreversible",
    });
}
