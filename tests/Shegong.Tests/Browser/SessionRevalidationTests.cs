using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;

namespace Shegong.Tests.Browser;

// No [FailOnBrowserErrors]: ending the circuit of a disabled or reset account is the behaviour under test, and the page logs it.
[Collection(BrowserCollection.Name)]
public sealed class SessionRevalidationTests(BrowserApp app)
{
    private async Task<Microsoft.Playwright.IPage> OpenSessionAsync(string userName)
    {
        await app.CreateAccountAsync(userName, AccountRole.CountyOfficer, "510104000000");
        var page = await app.NewPageAsync(userName, TestApp.Password);
        await page.OpenAsync("/stations");
        return page;
    }

    private Task ChangeAsync(string userName, Func<UserManager<Account>, Account, Task> change) =>
        app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<Account>>();
            await change(users, (await users.FindByNameAsync(userName))!);
            return true;
        });

    [Fact]
    public async Task An_open_page_of_an_account_that_is_disabled_goes_to_the_sign_in_page()
    {
        var page = await OpenSessionAsync("revalidate-disabled");
        await ChangeAsync("revalidate-disabled", async (users, account) =>
        {
            account.IsDisabled = true;
            await users.UpdateAsync(account);
        });
        // The revalidation interval is two seconds here; the page's default timeout is fifteen.
        await page.WaitForURLAsync(url => url.Contains("/account/signin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_open_page_of_an_account_whose_password_was_reset_goes_to_the_sign_in_page()
    {
        var page = await OpenSessionAsync("revalidate-reset");
        await ChangeAsync("revalidate-reset", async (users, account) =>
        {
            var token = await users.GeneratePasswordResetTokenAsync(account);
            await users.ResetPasswordAsync(account, token, "Reset@Pass2022");
        });
        await page.WaitForURLAsync(url => url.Contains("/account/signin", StringComparison.Ordinal));
    }
}
