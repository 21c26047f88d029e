package io.ticketstream.connect.smt.braze;

import static org.apache.kafka.connect.transforms.util.Requirements.requireMap;
import static org.apache.kafka.connect.transforms.util.Requirements.requireStruct;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

import io.ticketstream.braze.contract.BrazeContract;
import io.ticketstream.braze.contract.BrazeType;
import io.ticketstream.connect.smt.Version;
import io.ticketstream.connect.smt.util.FieldPath;
import io.ticketstream.connect.smt.util.Records;
import io.ticketstream.connect.smt.util.SchemaCache;

/**
 * Shapes a record into a Braze purchase (the Braze sink's {@code braze_type=purchase}). Value only.
 * The price never passes through a double: a Connect Decimal stays a Decimal, anything else becomes
 * the exact decimal text.
 */
public abstract class BrazePurchase<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC = "Shapes the record value into a Braze purchase: braze_type=purchase, "
            + "the user identifier, product_id and currency (constants or fields), price (decimal-exact), optional "
            + "quantity, time (ISO-8601) and properties. Braze counts revenue as price x quantity."
            + "<p/>Use the concrete transformation type designed for the record value (<code>"
            + BrazePurchase.class.getName() + "$Value</code>).";

    public interface ConfigName {
        String PRODUCT_ID = "product.id";
        String PRODUCT_ID_FIELD = "product.id.field";
        String CURRENCY = "currency";
        String CURRENCY_FIELD = "currency.field";
        String PRICE_FIELD = "price.field";
        String QUANTITY_FIELD = "quantity.field";
        String TIME_FIELD = EventTime.FIELD_CONFIG;
        String PROPERTIES = PropertyMappings.CONFIG;
    }

    private static final String PRODUCT_ID_DOC = "The product id, the same for every record. Set this or product.id.field.";
    private static final String PRODUCT_ID_FIELD_DOC = "Field (dotted path) holding the product id (text or number). "
            + "Set this or product.id.";
    private static final String CURRENCY_DOC = "ISO-4217 currency code (three upper-case letters), the same for every "
            + "record. Set this or currency.field.";
    private static final String CURRENCY_FIELD_DOC = "Field (dotted path) holding the ISO-4217 currency code. "
            + "Set this or currency.";
    private static final String PRICE_FIELD_DOC = "Field (dotted path) holding the price: a Connect Decimal (kept as "
            + "it is), an integer, or a decimal string (sent as exact decimal text). Never converted through a double.";
    private static final String QUANTITY_FIELD_DOC = "Field (dotted path) holding the quantity, an integer 1..100 "
            + "(Braze's range). Empty: no quantity (Braze counts 1). Braze multiplies price by quantity, so map a "
            + "total amount with no quantity.";

    public static final int MAX_QUANTITY = BrazeContract.MAX_QUANTITY;

    public static final ConfigDef CONFIG_DEF = PropertyMappings.define(EventTime.define(UserIdentifier.define(new ConfigDef())
            .define(ConfigName.PRODUCT_ID, ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH, PRODUCT_ID_DOC)
            .define(ConfigName.PRODUCT_ID_FIELD, ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH,
                    PRODUCT_ID_FIELD_DOC)
            .define(ConfigName.CURRENCY, ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH, CURRENCY_DOC)
            .define(ConfigName.CURRENCY_FIELD, ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH, CURRENCY_FIELD_DOC)
            .define(ConfigName.PRICE_FIELD, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    new ConfigDef.NonEmptyString(), ConfigDef.Importance.HIGH, PRICE_FIELD_DOC)
            .define(ConfigName.QUANTITY_FIELD, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
                    QUANTITY_FIELD_DOC)));

    private static final String PURPOSE = "shaping a record into a Braze purchase";

    private UserIdentifier identifier;
    private ConstantOrField productId;
    private ConstantOrField currency;
    private FieldPath price;
    private FieldPath quantity;
    private EventTime time;
    private PropertyMappings properties;
    private SchemaCache<Schema, Plan> plans;

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        identifier = UserIdentifier.from(config);
        productId = ConstantOrField.from(config, ConfigName.PRODUCT_ID, ConfigName.PRODUCT_ID_FIELD);
        currency = ConstantOrField.from(config, ConfigName.CURRENCY, ConfigName.CURRENCY_FIELD);
        if (currency.constant() != null && !BrazeFormats.isCurrencyCode(currency.constant())) {
            throw new ConfigException(ConfigName.CURRENCY, currency.constant(),
                    "must be an ISO-4217 code: three upper-case letters, e.g. GBP");
        }
        price = FieldPath.parse(ConfigName.PRICE_FIELD, config.getString(ConfigName.PRICE_FIELD));
        String quantityField = config.getString(ConfigName.QUANTITY_FIELD);
        quantity = quantityField == null || quantityField.isBlank() ? null
                : FieldPath.parse(ConfigName.QUANTITY_FIELD, quantityField);
        time = EventTime.from(config);
        properties = PropertyMappings.from(config);
        plans = new SchemaCache<>(16, Plan::new);
    }

    @Override
    public R apply(R record) {
        Object value = record.value();
        if (value == null) {
            return record;
        }
        if (record.valueSchema() == null) {
            return applySchemaless(record, requireMap(value, PURPOSE));
        }
        return applyWithSchema(record, requireStruct(value, PURPOSE));
    }

    private R applyWithSchema(R record, Struct value) {
        Plan plan = plans.get(value.schema());
        Object[] values = new Object[plan.properties.size()];
        long mask = plan.properties.read(value, values);
        Schema schema = plan.shapes.get(mask);
        Object rawPrice = plan.price.get(value);
        BigDecimal exact = requirePrice(rawPrice);
        Struct out = new Struct(schema)
                .put(BrazeContract.TYPE, BrazeType.PURCHASE.wireName())
                .put(identifier.key(), identifier.forStruct(plan.id.get(value)))
                .put(BrazeContract.PRODUCT_ID, productId.get(plan.productId, value))
                .put(BrazeContract.CURRENCY, checkCurrency(currency.get(plan.currency, value)))
                .put(BrazeContract.PRICE, plan.priceIsDecimal ? exact : exact.toPlainString())
                .put(BrazeContract.TIME, time.get(plan.time, value, record));
        if (quantity != null) {
            out.put(BrazeContract.QUANTITY, requireQuantity(plan.quantity.get(value)));
        }
        if (mask != 0) {
            Schema propertiesSchema = schema.field(BrazeContract.PROPERTIES).schema();
            out.put(BrazeContract.PROPERTIES, plan.properties.build(propertiesSchema, mask, values));
        }
        return newRecord(record, schema, out);
    }

    private R applySchemaless(R record, Map<String, Object> value) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(BrazeContract.TYPE, BrazeType.PURCHASE.wireName());
        out.put(identifier.key(), identifier.forMap(identifier.field().get(value)));
        out.put(BrazeContract.PRODUCT_ID, productId.get(value));
        out.put(BrazeContract.CURRENCY, checkCurrency(currency.get(value)));
        out.put(BrazeContract.PRICE, requirePrice(price.get(value)));
        if (quantity != null) {
            out.put(BrazeContract.QUANTITY, requireQuantity(quantity.get(value)));
        }
        out.put(BrazeContract.TIME, time.get(value, record));
        Map<String, Object> props = properties.read(value);
        if (props != null) {
            out.put(BrazeContract.PROPERTIES, props);
        }
        return newRecord(record, null, out);
    }

    private BigDecimal requirePrice(Object raw) {
        if (raw == null) {
            throw new DataException("Field '" + price + "' (" + ConfigName.PRICE_FIELD + ") is null: a purchase needs a price");
        }
        return BrazeFormats.price(price.path(), BrazeFormats.decimal(price.path(), raw));
    }

    private String checkCurrency(String code) {
        if (!BrazeFormats.isCurrencyCode(code)) {
            throw new DataException("Field '" + currency.field() + "' (" + ConfigName.CURRENCY_FIELD + "): '" + code
                    + "' is not an ISO-4217 currency code (a known currency, three capital letters)");
        }
        return code;
    }

    private int requireQuantity(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            long q = ((Number) raw).longValue();
            if (q >= 1 && q <= MAX_QUANTITY) {
                return (int) q;
            }
        }
        throw new DataException("Field '" + quantity + "' (" + ConfigName.QUANTITY_FIELD + ") is "
                + BrazeFormats.describe(raw) + ": Braze accepts an integer quantity from 1 to " + MAX_QUANTITY);
    }

    /** Everything derived from one input schema. */
    private final class Plan {
        final FieldPath.Accessor id;
        final FieldPath.Accessor productId;
        final FieldPath.Accessor currency;
        final FieldPath.Accessor price;
        final FieldPath.Accessor quantity;
        final FieldPath.Accessor time;
        final boolean priceIsDecimal;
        final Schema priceSchema;
        final PropertyMappings.Bound properties;
        final ShapeCache shapes;

        Plan(Schema input) {
            id = identifier.field().resolve(input);
            productId = BrazePurchase.this.productId.bind(input);
            currency = BrazePurchase.this.currency.bind(input);
            price = BrazePurchase.this.price.resolve(input);
            quantity = BrazePurchase.this.quantity == null ? null : BrazePurchase.this.quantity.resolve(input);
            time = BrazePurchase.this.time.bind(input);
            Schema priceInput = price.schema();
            priceIsDecimal = Decimal.LOGICAL_NAME.equals(priceInput.name());
            priceSchema = priceIsDecimal
                    ? Decimal.builder(Integer.parseInt(priceInput.parameters().get(Decimal.SCALE_FIELD))).build()
                    : Schema.STRING_SCHEMA;
            properties = BrazePurchase.this.properties.bind(input);
            shapes = new ShapeCache(this::schemaOf);
        }

        private Schema schemaOf(long mask) {
            SchemaBuilder builder = SchemaBuilder.struct().name("io.ticketstream.braze.Purchase")
                    .field(BrazeContract.TYPE, Schema.STRING_SCHEMA)
                    .field(identifier.key(), identifier.schema())
                    .field(BrazeContract.PRODUCT_ID, Schema.STRING_SCHEMA)
                    .field(BrazeContract.CURRENCY, Schema.STRING_SCHEMA)
                    .field(BrazeContract.PRICE, priceSchema)
                    .field(BrazeContract.TIME, Schema.STRING_SCHEMA);
            if (quantity != null) {
                builder.field(BrazeContract.QUANTITY, Schema.INT32_SCHEMA);
            }
            if (mask != 0) {
                builder.field(BrazeContract.PROPERTIES, properties.schema(mask));
            }
            return builder.build();
        }
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void close() {
        plans = null;
    }

    protected abstract R newRecord(R record, Schema updatedSchema, Object updatedValue);

    /** Shapes the record value. */
    public static class Value<R extends ConnectRecord<R>> extends BrazePurchase<R> {
        @Override
        protected R newRecord(R record, Schema updatedSchema, Object updatedValue) {
            return Records.withValue(record, updatedSchema, updatedValue);
        }
    }
}
