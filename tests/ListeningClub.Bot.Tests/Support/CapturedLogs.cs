using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Bot.Tests.Support;

/// <summary>A logger provider that keeps every entry at every level: its text, its exception (with the stack) and its scopes' properties.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<Entry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<Entry> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    /// <summary>One log entry. <see cref="Text"/> holds everything written: category, message, exception and scope texts.</summary>
    public sealed record Entry(string Category, LogLevel Level, string Text, IReadOnlyDictionary<string, object?> ScopeProperties);

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new List<string> { category, formatter(state, exception) };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                text.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            }

            if (exception is not null)
            {
                text.Add(exception.ToString());
            }

            var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            owner._scopes.ForEachScope(
                (scope, _) =>
                {
                    text.Add(scope?.ToString() ?? "");
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            properties[key] = value;
                            text.Add($"{key}={value}");
                        }
                    }
                },
                (object?)null);
            owner._entries.Enqueue(new Entry(category, logLevel, string.Join('\n', text), properties));
        }
    }
}
