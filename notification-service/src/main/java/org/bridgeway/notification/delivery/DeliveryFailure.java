package org.bridgeway.notification.delivery;

/**
 * A send that did not happen. {@code permanent} when trying again cannot help (an address that
 * is not one), so the delivery is parked at once instead of retried.
 */
public class DeliveryFailure extends Exception {

    private final boolean permanent;

    private DeliveryFailure(String reason, boolean permanent) {
        super(reason);
        this.permanent = permanent;
    }

    public static DeliveryFailure temporary(String reason) {
        return new DeliveryFailure(reason, false);
    }

    public static DeliveryFailure permanent(String reason) {
        return new DeliveryFailure(reason, true);
    }

    public boolean permanent() {
        return permanent;
    }
}
