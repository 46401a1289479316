package org.bridgeway.notification.delivery;

/** How a notice reaches its party. */
public enum Channel { IN_APP, EMAIL, WEBHOOK }
