using Shegong.Web.Common.Access;
using Shegong.Web.Features.Accounts;

namespace Shegong.Web.Components.Shared;

/// <summary>
/// Runs a service call in its own DI scope. A Blazor circuit lives for the whole visit, so a
/// service injected straight into a component would share one DbContext between components
/// loading at the same time and keep every entity it ever tracked; a scope per call avoids both.
/// The new scope inherits the circuit's signed-in user and region scope, so the call sees and
/// may change exactly what the circuit's user may — a fresh scope alone would see everything.
/// </summary>
public sealed class Scoped<TService>(IServiceScopeFactory factory, CurrentUser circuitUser, RegionScope circuitScope)
    where TService : notnull
{
    public async Task<T> RunAsync<T>(Func<TService, Task<T>> work)
    {
        await using var scope = factory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().CopyFrom(circuitUser);
        scope.ServiceProvider.GetRequiredService<RegionScope>().CopyFrom(circuitScope);
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
