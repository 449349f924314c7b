using ServicePro.Modules.Chat.ViewModels;

namespace ServicePro.Modules.Chat.Tests.ViewModels;

[TestClass]
public sealed class MentionSuggestionsTests
{
    private static readonly Dictionary<string, string> DisplayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["alice"] = "Alice Martin",
        ["bob"] = "Bob Stone",
        ["olga"] = "Ольга Петрова",
        ["wang"] = "王小明",
        ["sam"] = "Sam 🚀 Lee",
    };

    private static readonly string[] Attendees = ["alice", "bob", "olga", "wang", "sam"];

    private readonly MentionSuggestions _mentions = new(name => DisplayNames.GetValueOrDefault(name, name));

    [TestMethod]
    public void Update_AtTyped_OffersEveryOtherAttendeeByDisplayName()
    {
        _mentions.Update("Hi @", Attendees, "alice");

        Assert.IsTrue(_mentions.IsOpen);
        CollectionAssert.AreEquivalent(new[] { "bob", "olga", "wang", "sam" }, _mentions.Options.Select(o => o.UserName).ToArray());
        Assert.AreEqual("Ольга Петрова", _mentions.Options.Single(o => o.UserName == "olga").DisplayName);
        Assert.AreEqual(0, _mentions.ActiveIndex);
    }

    [TestMethod]
    [DataRow("@bo", "bob")]
    [DataRow("@BO", "bob")]
    [DataRow("@пет", "olga")]
    [DataRow("@Ольга", "olga")]
    [DataRow("@小明", "wang")]
    [DataRow("@🚀", "sam")]
    [DataRow("Спасибо, @ol", "olga")]
    public void Update_PartOfANameTyped_OnlyThoseWhoMatch(string draft, string expected)
    {
        _mentions.Update(draft, Attendees, "alice");

        Assert.AreEqual(expected, _mentions.Options.Single().UserName);
    }

    [TestMethod]
    [DataRow("no at sign")]
    [DataRow("mail bob@example")]
    [DataRow("@bob and more")]
    [DataRow("@zz")]
    [DataRow("@al")]
    public void Update_NoNameBeingTyped_Closed(string draft)
    {
        _mentions.Update(draft, Attendees, "alice");

        Assert.IsFalse(_mentions.IsOpen);
    }

    [TestMethod]
    public void MoveNextAndPrevious_WrapAround()
    {
        _mentions.Update("@", Attendees, "alice");
        var count = _mentions.Options.Count;

        _mentions.MovePrevious();
        Assert.AreEqual(count - 1, _mentions.ActiveIndex);
        _mentions.MoveNext();
        _mentions.MoveNext();
        Assert.AreEqual(1, _mentions.ActiveIndex);
    }

    [TestMethod]
    public void Update_NarrowedWhileAnOptionIsActive_KeepsIt()
    {
        _mentions.Update("@", Attendees, "alice");
        while (_mentions.Active!.UserName != "olga")
        {
            _mentions.MoveNext();
        }

        _mentions.Update("@o", Attendees, "alice");

        Assert.AreEqual("olga", _mentions.Active!.UserName);
    }

    [TestMethod]
    public void Choose_ReplacesTheTypedPartWithTheUserName()
    {
        _mentions.Update("Привет 👋 @пет", Attendees, "alice");

        var draft = _mentions.Choose("Привет 👋 @пет", _mentions.Active!);

        Assert.AreEqual("Привет 👋 @olga ", draft);
        Assert.IsFalse(_mentions.IsOpen);
    }

    [TestMethod]
    public void Dismiss_ClosedUntilAnotherAtIsTyped()
    {
        _mentions.Update("@b", Attendees, "alice");

        _mentions.Dismiss();
        _mentions.Update("@bo", Attendees, "alice");
        Assert.IsFalse(_mentions.IsOpen);

        _mentions.Update("@bo @", Attendees, "alice");
        Assert.IsTrue(_mentions.IsOpen);
    }
}
