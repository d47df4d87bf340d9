using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Platform;

/// <summary>
/// A newcomer's first minute (issue 15): the first start says, in Vietnamese and at Information (the default level),
/// that it creates the database, how many units of the province it loaded, which demo accounts it created (never
/// the password) and the address to open.
/// </summary>
public class StartupLogTests
{
    private sealed class Captured : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(Captured owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }

    [Theory, Providers]
    public async Task TheFirstStartSaysWhatItCreatedAndWhereToOpenIt(DatabaseProvider provider)
    {
        var captured = new Captured();
        // Disposing the app drops its database.
        await using var app = new ThiDuaApp(await TestDatabases.CreateEmptyAsync(provider));
        await using var logged = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("urls", "http://127.0.0.1:0");
            b.ConfigureLogging(l => l.AddProvider(captured));
        });
        logged.UseKestrel(0);
        logged.StartServer();

        var information = captured.Entries.Where(e => e.Level == LogLevel.Information && e.Category.StartsWith("ThiDua.", StringComparison.Ordinal)).Select(e => e.Message).ToList();
        Assert.Contains(information, m => m.StartsWith("Đang tạo cơ sở dữ liệu / áp dụng ", StringComparison.Ordinal) && m.Contains("migration", StringComparison.Ordinal));
        Assert.Contains("Đã nạp dữ liệu tỉnh: 288 đơn vị", information);
        var accounts = Assert.Single(information, m => m.StartsWith("Đã tạo tài khoản mẫu: ", StringComparison.Ordinal));
        Assert.Contains("admin, ", accounts, StringComparison.Ordinal);
        Assert.Contains("baichay.baocao", accounts, StringComparison.Ordinal);
        Assert.EndsWith("(mật khẩu trong README)", accounts, StringComparison.Ordinal);
        Assert.DoesNotContain(captured.Entries, e => e.Message.Contains(ThiDuaApp.Password, StringComparison.Ordinal));
        Assert.Contains(information, m => System.Text.RegularExpressions.Regex.IsMatch(m, @"^ThiDua đã sẵn sàng: mở http://127\.0\.0\.1:\d+ trong trình duyệt$"));

        // A later start on the same database adds nothing and says nothing of it.
        var again = new Captured();
        await using var restarted = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(again)));
        _ = restarted.Server;
        Assert.DoesNotContain(again.Entries, e => e.Message.StartsWith("Đã tạo tài khoản", StringComparison.Ordinal) || e.Message.StartsWith("Đã nạp dữ liệu tỉnh", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://[::]:5080", "http://localhost:5080")]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080")]
    [InlineData("http://localhost:5080", "http://localhost:5080")]
    [InlineData("http://127.0.0.1:5123", "http://127.0.0.1:5123")]
    public void TheAddressToOpenIsOneABrowserOpens(string listening, string shown) =>
        Assert.Equal(shown, DatabaseInitializer.Browsable(listening));
}
