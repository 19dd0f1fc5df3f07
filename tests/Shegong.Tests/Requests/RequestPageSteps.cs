using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Shegong.Tests.Browser;
using Shegong.Web.Common.Validation;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Residents;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Requests;

/// <summary>What the request page tests share: a resident of the demo worker's first village, and picking them on the form.</summary>
internal static class RequestPageSteps
{
    /// <summary>Adds a resident <paramref name="name"/> in the first village of the demo worker's township; answers the village's name.</summary>
    public static async Task<string> AddResidentForDemoWorkerAsync(BrowserApp app, string name, DateOnly birthDate, CancellationToken ct)
    {
        await using var db = app.OpenDb();
        var account = await db.Users.SingleAsync(a => a.UserName == "demo-worker", ct);
        var (low, high) = RegionCode.SubtreeRange(account.RegionCode);
        var village = await db.Regions.Where(r => r.Level == RegionLevel.Village && string.Compare(r.Code, low) >= 0 && string.Compare(r.Code, high) <= 0)
            .OrderBy(r => r.Code).FirstAsync(ct);
        db.Residents.Add(new Resident { Name = name, RegionCode = village.Code, BirthDate = birthDate, Sex = Sex.Female });
        await db.SaveChangesAsync(ct);
        return village.Name;
    }

    /// <summary>On the new-request form: picks the village, then the resident found by <paramref name="search"/>, whose name fills the contact.</summary>
    public static async Task PickVillageAndResidentAsync(this IPage page, string villageName, string search, string residentName)
    {
        // One search each, so the choices are not replaced while being clicked.
        await page.Locator("[data-testid=request-village] .picker-input").FillAsync(villageName);
        await page.Locator("[data-testid=request-village] .picker-choice", new() { HasTextString = villageName }).First.ClickAsync();
        await Expect(page.Locator(".picked-village")).ToContainTextAsync(villageName);
        await page.Locator("[data-testid=request-resident] .picker-input").FillAsync(search);
        await page.Locator("[data-testid=request-resident] .picker-choice", new() { HasTextString = residentName }).ClickAsync();
        await Expect(page.Locator("input.field-contact")).ToHaveValueAsync(residentName);
    }
}
