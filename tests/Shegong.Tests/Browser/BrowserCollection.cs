using Microsoft.Playwright;

namespace Shegong.Tests.Browser;

/// <summary>The browser tests share one app, one seeded database and one chromium.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}

/// <summary>What a person does on an Ant Design page, as Playwright steps.</summary>
public static class PageSteps
{
    /// <summary>Opens a path and waits until the page is live (prerendered HTML ignores clicks).</summary>
    public static async Task OpenAsync(this IPage page, string path)
    {
        try
        {
            await page.GotoAsync(path);
            await page.Locator("h1[data-interactive]").WaitForAsync();
        }
        catch (TimeoutException e)
        {
            // Name the page: a test that walks many pages otherwise reports only "Timeout exceeded".
            throw new TimeoutException($"{path} did not become live: {e.Message}", e);
        }
    }

    /// <summary>Opens an Ant Design select and clicks the option with that text.</summary>
    public static async Task PickAsync(this IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        // The dropdown slides in and may keep moving while the page re-lays out: click the option itself, not a screen point.
        var item = page.Locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option")
            .Filter(new() { HasTextString = option }).First;
        await item.WaitForAsync();
        await item.DispatchEventAsync("click");
        await Assertions.Expect(select).ToContainTextAsync(option);
        // A dispatched click does not close the dropdown as a real one would: click somewhere neutral.
        await page.Locator("h1").ClickAsync();
        await page.NoDropdownOpenAsync();
    }

    /// <summary>
    /// Types a date (yyyy-MM-dd) into an Ant Design date picker — the app's DateField, found by its class — and confirms
    /// it with Enter, as a person would; then clicks somewhere neutral so no dropdown is left open. Typing and Enter
    /// rather than clicking a day: the dropdown's opening animation races a click on a loaded machine.
    /// </summary>
    public static async Task PickDateAsync(this IPage page, ILocator picker, string date)
    {
        var input = picker.Locator("input").First;
        await input.FillAsync(date);
        await input.PressAsync("Enter");
        await page.Locator("h1").First.ClickAsync();
        await Assertions.Expect(page.Locator(".ant-picker-dropdown:visible")).ToHaveCountAsync(0);
        await Assertions.Expect(input).ToHaveValueAsync(date);
    }

    /// <inheritdoc cref="PickDateAsync(IPage, ILocator, string)"/>
    public static Task PickDateAsync(this IPage page, string pickerSelector, string date) =>
        page.PickDateAsync(page.Locator(pickerSelector), date);

    /// <summary>
    /// Answers the open confirm dialog with the button of that text ("确定" or "取消") and waits until it has gone.
    /// Waits for the dialog's zoom-in to finish first: a click while it still grows now and then left it open.
    /// </summary>
    public static async Task AnswerConfirmAsync(this IPage page, string answer)
    {
        var dialog = page.Locator(".ant-modal-confirm");
        await dialog.WaitForAsync();
        // allSettled: an animation cut short (the page re-rendered) rejects its promise, and that is fine too.
        await dialog.EvaluateAsync("d => Promise.allSettled(d.getAnimations({ subtree: true }).map(a => a.finished))");
        await dialog.Locator("button").Filter(new() { HasTextString = answer }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    /// <summary>Waits until no select dropdown shows. Two may be animating at once (one leaving, one entering), so count them rather than wait on one.</summary>
    public static Task NoDropdownOpenAsync(this IPage page) =>
        Assertions.Expect(page.Locator(".ant-select-dropdown:visible")).ToHaveCountAsync(0);

    /// <summary>Where screenshots go: TestResults/screenshots under the test output folder (kept as test artefacts).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task ScreenshotAsync(this IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });

    /// <summary>Whether the page is wider than the screen (the user would have to scroll sideways).</summary>
    public static Task<bool> ScrollsSidewaysAsync(this IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
}
