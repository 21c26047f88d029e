// One-shot (mongosh --file): make the single mongod a replica set (Debezium reads the change stream, which
// needs one) and create the crm collections. Idempotent: a second run finds the set initiated.
// Local stand-in: no authentication on this mongod; production uses the connection string from a secret.
try {
  rs.status();
  print("mongo-init: replica set already initiated");
} catch (e) {
  rs.initiate({ _id: "rs0", members: [{ _id: 0, host: "mongo:27017" }] });
  print("mongo-init: replica set rs0 initiated");
}
let waited = 0;
while (!db.hello().isWritablePrimary && waited < 60) {
  sleep(1000);
  waited++;
}
const crm = db.getSiblingDB("crm");
for (const name of ["customers", "debezium_signal"]) {
  if (!crm.getCollectionNames().includes(name)) {
    crm.createCollection(name);
    print("mongo-init: created crm." + name);
  }
}
crm.customers.createIndex({ customer_ref: 1 }, { unique: true });
