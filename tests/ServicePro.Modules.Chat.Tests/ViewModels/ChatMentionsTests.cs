using ServicePro.Modules.Chat.ViewModels;

namespace ServicePro.Modules.Chat.Tests.ViewModels;

[TestClass]
public sealed class ChatMentionsTests
{
    [TestMethod]
    [DataRow("@bob can you look?")]
    [DataRow("Thanks @BOB")]
    [DataRow("@bob, the printer")]
    [DataRow("Ask @bob.")]
    [DataRow("(@bob) please")]
    [DataRow("Привет @bob 你好")]
    [DataRow("@bob🎉 done")]
    [DataRow("Готово,@bob")]
    [DataRow("первая строка\n@bob вторая")]
    public void Mentions_UserNameAsAWord_True(string text) => Assert.IsTrue(ChatMentions.Mentions(text, "bob"));

    [TestMethod]
    [DataRow("bob can you look?")]
    [DataRow("@bobby can you look?")]
    [DataRow("write to bob@example.com")]
    [DataRow("@bob.smith please")]
    [DataRow("@bob_2 please")]
    [DataRow("Привет@bob")]
    [DataRow("你好@bob")]
    [DataRow("@ bob")]
    [DataRow("")]
    public void Mentions_NotTheUserNameAsAWord_False(string text) => Assert.IsFalse(ChatMentions.Mentions(text, "bob"));

    [TestMethod]
    public void Mentions_SecondOccurrenceIsTheWord_True() => Assert.IsTrue(ChatMentions.Mentions("@bobby and @bob", "bob"));

    [TestMethod]
    public void Mentions_NoUserName_False() => Assert.IsFalse(ChatMentions.Mentions("@ anyone", string.Empty));
}
