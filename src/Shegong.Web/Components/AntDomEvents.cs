using AntDesign.JsInterop;
using Microsoft.JSInterop;

namespace Shegong.Web.Components;

/// <summary>
/// Ant Design 1.6.2 runs a window event's shared handlers in a foreach that awaits the asynchronous
/// ones (every Select listens to window resize). When a page changes during that await — a phone turned,
/// or a full-page screenshot, while the user moves on — components leaving or arriving change the
/// handler list and the loop throws "Collection was modified" in the browser. Handing Ant a synchronous
/// handler that starts the real one after the loop keeps the list still while it is read.
/// </summary>
public sealed class OrderlyDomEventService(IJSRuntime jsRuntime, ILogger<OrderlyDomEventService> logger) : DomEventService(jsRuntime)
{
    private readonly IJSRuntime js = jsRuntime;
    private readonly DomEventSubscriptionStore store = new();

    public override IDomEventListener CreateDomEventListerner() => new OrderlyDomEventListener(js, store, logger);

    private sealed class OrderlyDomEventListener(IJSRuntime js, DomEventSubscriptionStore store, ILogger logger)
        : DomEventListener(js, store)
    {
        // The cast matters: a lambda returning the task would bind back to Ant's awaiting overload.
        public override void AddShared<T>(object dom, string eventName, Func<T, Task> callback, bool preventDefault = false) =>
            base.AddShared<T>(dom, eventName, (Action<T>)(e => _ = RunAfterLoopAsync(callback, e, eventName)), preventDefault);

        private async Task RunAfterLoopAsync<T>(Func<T, Task> callback, T e, string eventName)
        {
            await Task.Yield(); // back on the circuit's dispatcher once Ant's loop over the handlers has finished
            try
            {
                await callback(e);
            }
            catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException or ObjectDisposedException)
            {
                // A handler of a component that has just left the page; nothing the user sees depends on it.
                logger.LogDebug(ex, "Shared {Event} handler ended early", eventName);
            }
        }
    }
}
