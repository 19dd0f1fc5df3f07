using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using Shegong.Web.Components;

namespace Shegong.Tests.Browser;

/// <summary>
/// A window event reaches every component listening to it through one shared handler list. A handler that
/// awaits (every Select does, on resize) while the page changes must not make the loop over that list
/// throw in the browser — the page error the resident form once raised on a phone.
/// </summary>
public sealed class AntDomEventTests
{
    [Fact]
    public async Task A_page_change_while_a_window_handler_awaits_leaves_every_handler_running_and_no_error()
    {
        var js = new RecordingJsRuntime();
        var service = new OrderlyDomEventService(js, NullLogger<OrderlyDomEventService>.Instance);
        var gate = new TaskCompletionSource();
        var ran = new List<string>();
        var select = service.CreateDomEventListerner();
        select.AddShared<JsonElement>("window", "resize", async _ => { await gate.Task; lock (ran) { ran.Add("select"); } });
        var leaving = service.CreateDomEventListerner();
        leaving.AddShared<JsonElement>("window", "resize", _ => { lock (ran) { ran.Add("leaving"); } return Task.CompletedTask; });
        var sider = service.CreateDomEventListerner();
        sider.AddShared<JsonElement>("window", "resize", (JsonElement _) => { lock (ran) { ran.Add("sider"); } });

        // One listener in the browser for the window's resize, whatever the number of components.
        var browserCallback = Assert.Single(js.Listeners);
        var invoked = browserCallback.GetType().GetMethod("Invoke")!.Invoke(browserCallback, ["{}"]);

        // The page changes while the select's handler waits: one component leaves, another arrives.
        leaving.Dispose();
        service.CreateDomEventListerner().AddShared<JsonElement>("window", "resize", (JsonElement _) => { });
        gate.SetResult();
        if (invoked is Task task)
        {
            await task; // the library's own loop would throw "Collection was modified" here
        }
        await WaitUntilAsync(() => { lock (ran) { return ran.Contains("select") && ran.Contains("sider"); } });
        lock (ran)
        {
            Assert.Contains("select", ran);
            Assert.Contains("sider", ran);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        for (var i = 0; i < 500 && !done(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The browser side, reduced to what the listener asks of it: which .NET objects it would call back.</summary>
    private sealed class RecordingJsRuntime : IJSRuntime
    {
        public List<object> Listeners { get; } = [];

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => InvokeAsync<TValue>(identifier, CancellationToken.None, args);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
        {
            if (identifier.EndsWith("addDomEventListener", StringComparison.Ordinal) && args is [_, _, _, { } reference, ..])
            {
                Listeners.Add(reference.GetType().GetProperty("Value")!.GetValue(reference)!);
            }
            return ValueTask.FromResult(default(TValue)!);
        }
    }
}
