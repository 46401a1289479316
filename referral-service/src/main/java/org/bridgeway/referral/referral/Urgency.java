package org.bridgeway.referral.referral;

public enum Urgency { ROUTINE, URGENT }
