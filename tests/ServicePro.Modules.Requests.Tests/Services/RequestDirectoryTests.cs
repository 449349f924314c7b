using ServicePro.Contracts.Requests;
using ServicePro.Modules.Requests.Services;
using ServicePro.Modules.Requests.Tests.Support;

namespace ServicePro.Modules.Requests.Tests.Services;

[TestClass]
public sealed class RequestDirectoryTests
{
    [TestMethod]
    public async Task FindAsync_KnownAndUnknownNumbers_ReferenceOrNull()
    {
        await using var database = await TestDatabase.CreateAsync();
        await Support.Services.Requests(database).CreateAsync(new NewRequest("VPN down"), Reps.Alice, default);
        var directory = new RequestDirectory(database);

        Assert.AreEqual(new RequestReference(1, "VPN down"), await directory.FindAsync(1, default));
        Assert.IsNull(await directory.FindAsync(2, default));
    }
}
