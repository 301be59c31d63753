using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AkkaMcpEcho.Http.Tests.Protocol;

/// <summary>The official C# client against streamed calls: priming events, progress, fixture results, resumption.</summary>
public sealed class SdkStreamedCallTests
{
    private sealed class Collected : IProgress<ProgressNotificationValue>
    {
        private readonly List<float> _values = [];

        public IReadOnlyList<float> Values
        {
            get
            {
                lock (_values)
                {
                    return [.. _values];
                }
            }
        }

        public void Report(ProgressNotificationValue value)
        {
            lock (_values)
            {
                _values.Add(value.Progress);
            }
        }
    }

    [Fact]
    public async Task A_default_tool_called_with_a_progress_handler_reports_progress_and_returns_its_result()
    {
        await using var server = await EchoServerHost.Start();
        await using var client = await SdkClient.Connect(server);
        var progress = new Collected();

        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "with progress" }, progress);

        // The SDK may drop a progress notification that arrives just before the response (it dispatches them apart),
        // so this asserts that the streamed answer, with its progress event first, reaches the caller intact.
        Assert.StartsWith("with progress", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        Assert.True(progress.Values.Count <= 1);
    }

    [Fact]
    public async Task Fixture_tools_work_over_the_sdk_including_the_resumable_reconnection_tool()
    {
        await using var server = await EchoServerHost.Start(new Dictionary<string, string?> { ["MCP_ECHO_CONFORMANCE"] = "true" });
        await using var client = await SdkClient.Connect(server);
        var progress = new Collected();

        var image = await client.CallToolAsync("test_image_content");
        var withProgress = await client.CallToolAsync("test_tool_with_progress", progress: progress);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var resumed = await client.CallToolAsync("test_reconnection", cancellationToken: deadline.Token);

        Assert.Equal("image/png", Assert.IsType<ImageContentBlock>(Assert.Single(image.Content)).MimeType);
        Assert.NotEmpty(withProgress.Content);
        Assert.Equal("Reconnection test completed successfully",
            Assert.IsType<TextContentBlock>(Assert.Single(resumed.Content)).Text);
        await Eventually.Until(() => Task.FromResult(progress.Values.Count), n => n >= 2, TimeSpan.FromSeconds(5), "progress reports");
        Assert.Equal([0f, 50f], progress.Values.Take(2));
    }
}
