package com.webinar.billing.core;

/** The catalog items. Prices are catalog data, not code. */
public enum AddOn {
    PRESENTERS(AddOnKind.RECURRING, 100),
    PARALLEL_EVENTS(AddOnKind.RECURRING, 100),
    SUB_ACCOUNTS(AddOnKind.RECURRING, 100),
    STORAGE(AddOnKind.RECURRING, 100),
    RECORDING_SPACE(AddOnKind.RECURRING, 100),
    USERNAME_CHANGE(AddOnKind.ONE_TIME, 1);

    private final AddOnKind kind;
    private final int maxQuantity;

    AddOn(AddOnKind kind, int maxQuantity) {
        this.kind = kind;
        this.maxQuantity = maxQuantity;
    }

    public AddOnKind kind() {
        return kind;
    }

    public boolean isRecurring() {
        return kind == AddOnKind.RECURRING;
    }

    /** The add-ons that renew with the account's cycle. */
    public static java.util.List<AddOn> recurring() {
        return java.util.Arrays.stream(values()).filter(AddOn::isRecurring).toList();
    }

    public int minQuantity() {
        return 1;
    }

    public int maxQuantity() {
        return maxQuantity;
    }

    public boolean allowsQuantity(int quantity) {
        return quantity >= minQuantity() && quantity <= maxQuantity();
    }
}
