using ListeningClub.Storage.Postgres.Tests.Support;

namespace ListeningClub.Storage.Postgres.Tests.Contract;

/// <summary>
/// The base of every repository contract: each test gets a fresh, empty store from <see cref="OpenStoreAsync"/>. Every
/// contract class is run twice, by a LiteDB and a PostgreSQL subclass, so both stores are held to the same behaviour.
/// </summary>
public abstract class ContractTest : IAsyncLifetime
{
    protected StoreUnderTest Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await OpenStoreAsync();

    public async Task DisposeAsync() => await Store.DisposeAsync();

    protected abstract Task<StoreUnderTest> OpenStoreAsync();
}
