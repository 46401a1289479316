package org.bridgeway.notification.delivery;

/** Sends one delivery on its channel; the worker decides what happens when it fails. */
public interface Sender {

    Channel channel();

    void send(Delivery delivery) throws DeliveryFailure;
}
