using ServicePro.Contracts.Security;
using ServicePro.Modules.Requests.Tests.Support;

namespace ServicePro.Modules.Requests.Tests.Services;

[TestClass]
public sealed class TranscriptAccessTests
{
    private static readonly string[] Participants = ["alice", "Dave"];

    [TestMethod]
    public void CanRead_Participant_AnyCase() => Assert.IsTrue(TranscriptAccess.CanRead(Reps.Rep("dave"), Participants));

    [TestMethod]
    public void CanRead_PrivilegedWhoDidNotTakePart_Yes() => Assert.IsTrue(TranscriptAccess.CanRead(Reps.Carol, Participants));

    [TestMethod]
    public void CanRead_OtherRep_No() => Assert.IsFalse(TranscriptAccess.CanRead(Reps.Bob, Participants));

    [TestMethod]
    public void CanRead_NotSignedIn_No() => Assert.IsFalse(TranscriptAccess.CanRead(Reps.Anonymous, Participants));
}
