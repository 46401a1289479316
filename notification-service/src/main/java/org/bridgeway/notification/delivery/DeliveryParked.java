package org.bridgeway.notification.delivery;

/** Published in the application when a delivery is given up on. */
public record DeliveryParked(Delivery delivery, String reason) {
}
