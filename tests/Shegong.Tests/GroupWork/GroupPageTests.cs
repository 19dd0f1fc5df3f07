using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shegong.Tests.Browser;
using Shegong.Web.Features.GroupWork;
using Shegong.Web.Features.ServiceRecords;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.GroupWork;

/// <summary>The group page: a session recorded with its attendance counts its person-times, and the stage moves one step.</summary>
[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class GroupPageTests(BrowserApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_session_recorded_with_attendance_on_the_group_page_shows_its_person_times()
    {
        var place = await GroupWorkSamples.PlaceAsync(app, "王秀英", "李建国", "张桂兰");
        var group = await GroupWorkSamples.GroupAsync(app, place, "独居老人互助小组（页面）");
        var page = await app.NewPageAsync();
        await page.OpenAsync($"/groups/{group.Id}");
        await Expect(page.Locator("h1")).ToHaveTextAsync(group.Name);
        await Expect(page.Locator(".group-stage")).ToHaveTextAsync("准备期");

        // Without content the session is refused at its field, in Chinese, and nothing is saved.
        await page.ClickAsync(".session-new");
        await page.PickDateAsync(".session-date", "2025-05-06");
        await page.FillAsync(".session-duration", "90");
        await page.ClickAsync(".session-save");
        await Expect(page.Locator(".field-error[data-field=content]")).ToContainTextAsync("请填写本节内容");

        await page.FillAsync(".session-content", "相互认识，订立小组契约");
        await page.Locator(".session-attendee", new() { HasTextString = "王秀英" }).Locator("input").CheckAsync();
        await page.Locator(".session-attendee", new() { HasTextString = "张桂兰" }).Locator("input").CheckAsync();
        await page.FillAsync(".session-headcount", "3");
        await page.ClickAsync(".session-save");

        // Two members ticked and three people not named: five person-times, on the page and in the service record.
        await Expect(page.Locator(".session-person-times")).ToHaveTextAsync("5");
        await Expect(page.Locator(".session-attendance")).ToContainTextAsync("2/3");
        await Expect(page.Locator(".group-person-times")).ToHaveTextAsync("5");
        await Expect(page.Locator(".session-editor")).ToHaveCountAsync(0);
        await using (var db = app.OpenDb())
        {
            var session = await db.Set<GroupSession>().Include(s => s.Record).SingleAsync(s => s.GroupId == group.Id, Ct);
            Assert.Equal((ServiceSource.GroupSession, 5, 3), (session.Record.Source, session.Record.PersonTimes, session.HeadCount));
        }

        // Attendance alone: untick one member, the count follows.
        await page.ClickAsync(".session-attendance-edit");
        await page.Locator(".session-attendee", new() { HasTextString = "张桂兰" }).Locator("input").UncheckAsync();
        await page.ClickAsync(".session-save");
        await Expect(page.Locator(".session-person-times")).ToHaveTextAsync("4");

        // The stage moves to the next one only.
        await page.ClickAsync(".group-stage-move");
        await Expect(page.Locator(".group-stage")).ToHaveTextAsync("形成期");
        await Expect(page.Locator(".group-stage-move")).ToContainTextAsync("转折期");
        await page.ScreenshotAsync("group-detail-1366");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_stale_session_edit_answers_with_a_reload_and_saves_nothing()
    {
        var place = await GroupWorkSamples.PlaceAsync(app, "赵德明", "孙丽华");
        var group = await GroupWorkSamples.GroupAsync(app, place, "亲子成长小组（页面）", withSession: true);
        var page = await app.NewPageAsync();
        await page.OpenAsync($"/groups/{group.Id}");
        await page.ClickAsync(".session-edit");
        await page.FillAsync(".session-content", "我的修改");

        // Someone else changes the session meanwhile.
        var session = group.Sessions.Single();
        await app.WithServicesAsync(sp => sp.GetRequiredService<GroupSessionService>()
            .SetAttendanceAsync(group.Id, session.Id, new GroupAttendanceForm([.. place.ResidentIds], 0, session.Version), Ct));

        await page.ClickAsync(".session-save");
        await Expect(page.Locator(".session-editor .form-error")).ToContainTextAsync("重新");
        await page.ClickAsync(".session-reload");
        await Expect(page.Locator(".session-editor")).ToHaveCountAsync(0);
        await Expect(page.Locator(".group-sessions")).Not.ToContainTextAsync("我的修改");
        await Expect(page.Locator(".session-person-times")).ToHaveTextAsync("2");
        await page.Context.CloseAsync();
    }
}
