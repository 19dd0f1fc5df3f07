namespace Shegong.Web.Components.Shared;

/// <summary>
/// Runs a service call in its own DI scope. A Blazor circuit lives for the whole visit, so a
/// service injected straight into a component would share one DbContext between components
/// loading at the same time and keep every entity it ever tracked; a scope per call avoids both.
/// </summary>
public sealed class Scoped<TService>(IServiceScopeFactory factory)
    where TService : notnull
{
    public async Task<T> RunAsync<T>(Func<TService, Task<T>> work)
    {
        await using var scope = factory.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
