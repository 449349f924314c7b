// Signs two reps in as docs/chat-hub-api.md describes (POST /account/token), connects both to the chat hub with the
// official JavaScript SignalR client, lets alice start a session and invite bob, bob accept, alice send a message,
// and prints what bob received as one JSON line. Usage: node exchange.js <base url> <password> <text>
"use strict";
const signalR = require("@microsoft/signalr");

const [baseUrl, password, text] = process.argv.slice(2);

async function token(userName) {
  const response = await fetch(new URL("/account/token", baseUrl), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ userName, password }),
  });
  if (!response.ok) {
    throw new Error(`sign-in as ${userName} failed: ${response.status}`);
  }
  return (await response.json()).accessToken;
}

async function connect(userName) {
  const accessToken = await token(userName);
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(new URL("/hubs/chat", baseUrl).toString(), { accessTokenFactory: () => accessToken })
    .withAutomaticReconnect()
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  await connection.start();
  // Calls are handled only after the server registered the connection: from here on no event is missed.
  await connection.invoke("GetPresence");
  return connection;
}

async function main() {
  const alice = await connect("alice");
  const bob = await connect("bob");

  const received = new Promise((resolve) => {
    bob.on("EntryAdded", (entry) => {
      if (entry.kind === 0 && entry.text === text) {
        resolve(entry);
      }
    });
  });
  const joined = new Promise((resolve) => {
    bob.on("InvitationReceived", async (invitation) => {
      resolve(await bob.invoke("AcceptInvitation", invitation.invitationId));
    });
  });

  const session = await alice.invoke("StartSession", null);
  await alice.invoke("Invite", session.sessionId, ["bob"]);
  await joined;
  const sent = await alice.invoke("SendMessage", {
    sessionId: session.sessionId,
    clientMessageId: crypto.randomUUID(),
    text,
    offTheRecordWith: null,
  });
  const entry = await received;

  let refusal = "";
  try {
    await bob.invoke("SendMessage", { sessionId: session.sessionId, clientMessageId: crypto.randomUUID(), text: "   " });
  } catch (error) {
    refusal = error.message;
  }

  await alice.invoke("LeaveSession", session.sessionId);
  await alice.stop();
  await bob.stop();
  console.log(JSON.stringify({ author: entry.author, text: entry.text, sequence: entry.sequence, sentSequence: sent.sequence, refusal }));
}

const timeout = setTimeout(() => {
  console.error("timed out");
  process.exit(2);
}, 30000);

main().then(
  () => {
    clearTimeout(timeout);
    process.exit(0);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
