using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;

namespace Shegong.Tests.Access;

/// <summary>An app whose log lines (every category, every level) are kept for inspection.</summary>
public sealed class LoggedApp : TestApp, ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    protected override bool WithSichuanRegions => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddLogging(l => l.AddProvider(this).SetMinimumLevel(LogLevel.Trace)));
    }

    ILogger ILoggerProvider.CreateLogger(string categoryName) => new Capture(this, categoryName);

    void IDisposable.Dispose()
    {
    }

    private sealed class Capture(LoggedApp app, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            app.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}

public class SignInLogTests(LoggedApp app) : IClassFixture<LoggedApp>
{
    [Fact]
    public async Task Sign_in_attempts_and_lockouts_are_logged_without_the_password()
    {
        await app.CreateAccountAsync("logged-user", AccountRole.Viewer);
        await app.RequestTokenAsync("logged-user", TestApp.Password);
        for (var i = 0; i < 5; i++)
        {
            await app.RequestTokenAsync("logged-user", "Leaky@Secret" + i);
        }
        var lines = app.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("Sign-in succeeded for logged-user", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Sign-in failed for logged-user", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Account logged-user is locked out", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Leaky@Secret", StringComparison.Ordinal) || l.Contains(TestApp.Password, StringComparison.Ordinal)
            || l.Contains(TestApp.AdminPassword, StringComparison.Ordinal));
    }
}
