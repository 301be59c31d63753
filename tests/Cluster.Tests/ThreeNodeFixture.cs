namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>A three-node cluster shared by the tests of one class; subclasses may give the nodes settings.</summary>
public class ThreeNodeFixture(IDictionary<string, string?>? settings) : IAsyncLifetime
{
    private TestCluster? _cluster;

    public ThreeNodeFixture() : this(null)
    {
    }

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started");

    public async Task InitializeAsync() => _cluster = await TestCluster.Start(3, settings);

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
