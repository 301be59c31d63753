namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>A three-node cluster shared by the tests of one class; a subclass may give the nodes settings.</summary>
public class ThreeNodeFixture : IAsyncLifetime
{
    private TestCluster? _cluster;

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started");

    protected virtual IDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync() => _cluster = await TestCluster.Start(3, Settings);

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
