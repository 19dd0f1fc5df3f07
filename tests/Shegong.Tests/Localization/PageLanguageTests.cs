using System.Globalization;
using AntDesign;
using Shegong.Tests.Infrastructure;

namespace Shegong.Tests.Localization;

/// <summary>One user's language stays that user's: a page in English changes nothing for the server's other work.</summary>
public class PageLanguageTests(EmptyApp app) : IClassFixture<EmptyApp>
{
    [Fact]
    public async Task An_english_page_leaves_the_language_of_every_other_thread_alone()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = app.Anonymous;
        var before = CultureInfo.DefaultThreadCurrentUICulture; // the test runner sets one for the process
        using var chosen = await browser.GetAsync("/culture/en?redirectUri=/account/signin", ct);
        var page = await browser.GetStringAsync("/account/signin", ct);
        Assert.Contains("<html lang=\"en\">", page, StringComparison.Ordinal);

        // The default for threads that set no culture of their own (background work, the next user's first steps):
        // a page that set it turned everything without a culture English, for every user, until the next page.
        Assert.Same(before, CultureInfo.DefaultThreadCurrentUICulture);
    }

    [Fact]
    public void Ant_designs_english_is_american_english()
    {
        // The app's English is "en"; Ant Design's first English file is en-GB (day-first dates, fewer picker texts).
        Assert.NotNull(app.Services); // the app has started, so its start-up work has run
        Assert.Equal("en_US", LocaleProvider.GetLocale("en").DatePicker.Lang.Locale);
        Assert.Equal("zh_CN", LocaleProvider.GetLocale("zh-CN").DatePicker.Lang.Locale);
    }
}
