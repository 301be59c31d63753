namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>A three-node cluster shared by the tests of one class.</summary>
public sealed class ThreeNodeFixture : IAsyncLifetime
{
    private TestCluster? _cluster;

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started");

    public async Task InitializeAsync() => _cluster = await TestCluster.Start(3);

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
